#include "domain/sla/deadline.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace sigap::domain::sla {

namespace {

// More days than any target can need; reaching it means the data can never yield a service day.
constexpr int kMaxDaysWalked = 366 * 50;

Error uncovered_year(int year) {
  return Error(ErrorCode::unavailable,
               Text{fmt::format("Kalender hari kerja tahun {0} belum dimuat, sehingga tenggat tidak dapat dihitung. "
                                "Admin perlu menambahkan libur nasional dan cuti bersama tahun {0}.",
                                year),
                    fmt::format("No working calendar is loaded for {0}, so the deadline cannot be computed. An "
                                "admin must add the national holidays and collective leave days of {0}.",
                                year)})
      .with_log_detail(fmt::format("sla: working calendar does not cover {}", year));
}

Error no_weekday_hours() {
  return Error(
      ErrorCode::validation,
      Text{"Unit tidak memiliki jam layanan pada hari kerja.", "The unit has no service hours on working days."},
      {FieldError{"service_hours", Text{"Isi jam layanan untuk setidaknya satu hari Senin sampai Jumat.",
                                        "Give service hours for at least one day from Monday to Friday."}}});
}

Error bad_amount() {
  return Error(ErrorCode::validation, Text{"Target SLA tidak valid.", "Invalid SLA target."},
               {FieldError{"amount", Text{"Target SLA paling sedikit 1.", "An SLA target is at least 1."}}});
}

Error walked_too_far() { return Error::internal("sla: no service day found within 50 years"); }

bool has_weekday_hours(const master_data::ServiceHours& hours) {
  return std::any_of(hours.days.begin(), hours.days.begin() + 5, [](const auto& day) { return !day.empty(); });
}

// The unit's service intervals on `day`: empty when `day` is not a service day; an error when
// the calendar does not cover its year.
Result<std::span<const master_data::OpeningInterval>> intervals_on(Date day, const Schedule& schedule) {
  const int year = static_cast<int>(day.year());
  if (!schedule.calendar.covers(year)) return uncovered_year(year);
  if (!schedule.calendar.is_working_day(day)) return std::span<const master_data::OpeningInterval>{};
  return std::span<const master_data::OpeningInterval>{
      schedule.hours.days[static_cast<std::size_t>(weekday_index(day))]};
}

// Sorted, merged, non-empty pauses.
std::vector<Pause> normalised(std::span<const Pause> pauses) {
  std::vector<Pause> sorted;
  for (const auto& pause : pauses) {
    if (pause.from < pause.to) sorted.push_back(pause);
  }
  std::sort(sorted.begin(), sorted.end(), [](const Pause& a, const Pause& b) { return a.from < b.from; });
  std::vector<Pause> merged;
  for (const auto& pause : sorted) {
    if (!merged.empty() && pause.from <= merged.back().to) {
      merged.back().to = std::max(merged.back().to, pause.to);
    } else {
      merged.push_back(pause);
    }
  }
  return merged;
}

Result<TimePoint> working_days_deadline(TimePoint start, int days, const Schedule& schedule) {
  const auto close_of = [&](Date day, std::span<const master_data::OpeningInterval> intervals) {
    return to_utc(day, intervals.back().close_minute, schedule.zone);
  };
  // Day 0: the first service day on which the case is received before service closes.
  Date day = local_date(start, schedule.zone);
  for (int walked = 0;; ++walked, day = next_day(day)) {
    if (walked > kMaxDaysWalked) return walked_too_far();
    auto intervals = intervals_on(day, schedule);
    if (!intervals.ok()) return intervals.error();
    if (!intervals->empty() && close_of(day, *intervals) > start) break;
  }
  // Days 1..N, each a full service day; the deadline is the close of the last.
  int counted = 0;
  for (int walked = 0;; ++walked) {
    if (walked > kMaxDaysWalked) return walked_too_far();
    day = next_day(day);
    auto intervals = intervals_on(day, schedule);
    if (!intervals.ok()) return intervals.error();
    if (intervals->empty()) continue;
    if (++counted == days) return close_of(day, *intervals);
  }
}

}  // namespace

Result<Duration> service_time_between(TimePoint from, TimePoint to, const Schedule& schedule) {
  Duration total{0};
  if (to <= from) return total;
  Date day = local_date(from, schedule.zone);
  for (; to_utc(day, 0, schedule.zone) < to; day = next_day(day)) {
    auto intervals = intervals_on(day, schedule);
    if (!intervals.ok()) return intervals.error();
    for (const auto& interval : *intervals) {
      const auto open = std::max(from, to_utc(day, interval.open_minute, schedule.zone));
      const auto close = std::min(to, to_utc(day, interval.close_minute, schedule.zone));
      if (close > open) total += close - open;
    }
  }
  return total;
}

Result<TimePoint> advance_service_time(TimePoint from, Duration amount, const Schedule& schedule) {
  if (amount <= Duration{0}) return from;
  if (!has_weekday_hours(schedule.hours)) return no_weekday_hours();
  Date day = local_date(from, schedule.zone);
  for (int walked = 0; walked <= kMaxDaysWalked; ++walked, day = next_day(day)) {
    auto intervals = intervals_on(day, schedule);
    if (!intervals.ok()) return intervals.error();
    for (const auto& interval : *intervals) {
      const auto open = std::max(from, to_utc(day, interval.open_minute, schedule.zone));
      const auto close = to_utc(day, interval.close_minute, schedule.zone);
      if (close <= open) continue;
      if (close - open >= amount) return open + amount;
      amount -= close - open;
    }
  }
  return walked_too_far();
}

Result<TimePoint> deadline(TimePoint start, SlaTarget target, const WorkingCalendar& calendar,
                           const master_data::ServiceHours& hours, UnitTimeZone zone) {
  if (target.amount < 1) return bad_amount();
  switch (target.unit) {
    case SlaUnit::calendar_hours:
      return start + std::chrono::hours{target.amount};
    case SlaUnit::working_days:
      if (!has_weekday_hours(hours)) return no_weekday_hours();
      return working_days_deadline(start, target.amount, Schedule{calendar, hours, zone});
  }
  return Error::internal("sla: unknown target unit");
}

Result<TimePoint> extend_for_pauses(TimePoint deadline, std::span<const Pause> pauses, SlaTarget target,
                                    const WorkingCalendar& calendar, const master_data::ServiceHours& hours,
                                    UnitTimeZone zone) {
  const Schedule schedule{calendar, hours, zone};
  for (const auto& pause : normalised(pauses)) {
    if (pause.from >= deadline) break;
    // What was left at the start of the pause is still left when it ends.
    if (target.unit == SlaUnit::calendar_hours) {
      deadline = pause.to + (deadline - pause.from);
      continue;
    }
    auto left = service_time_between(pause.from, deadline, schedule);
    if (!left.ok()) return left.error();
    if (*left <= Duration{0}) continue;
    auto moved = advance_service_time(pause.to, *left, schedule);
    if (!moved.ok()) return moved.error();
    deadline = std::max(deadline, *moved);
  }
  return deadline;
}

Result<TimePoint> deadline(TimePoint start, SlaTarget target, std::span<const Pause> pauses,
                           const WorkingCalendar& calendar, const master_data::ServiceHours& hours, UnitTimeZone zone) {
  auto base = deadline(start, target, calendar, hours, zone);
  if (!base.ok()) return base;
  return extend_for_pauses(*base, pauses, target, calendar, hours, zone);
}

namespace {

double fraction(Duration used, Duration allowed) {
  if (allowed <= Duration{0}) return used > Duration{0} ? 1.0 : 0.0;
  return std::clamp(std::chrono::duration<double>(used) / std::chrono::duration<double>(allowed), 0.0, 1.0);
}

// Calendar time in [from, to) outside the (normalised) pauses.
Duration running_time(TimePoint from, TimePoint to, const std::vector<Pause>& pauses) {
  if (to <= from) return Duration{0};
  Duration total = to - from;
  for (const auto& pause : pauses) {
    const auto overlap_from = std::max(from, pause.from);
    const auto overlap_to = std::min(to, pause.to);
    if (overlap_to > overlap_from) total -= overlap_to - overlap_from;
  }
  return total;
}

// Service time in [from, to) outside the (normalised) pauses.
Result<Duration> running_service_time(TimePoint from, TimePoint to, const std::vector<Pause>& pauses,
                                      const Schedule& schedule) {
  auto total = service_time_between(from, to, schedule);
  if (!total.ok()) return total;
  for (const auto& pause : pauses) {
    auto paused = service_time_between(std::max(from, pause.from), std::min(to, pause.to), schedule);
    if (!paused.ok()) return paused;
    *total -= *paused;
  }
  return total;
}

}  // namespace

double elapsed_fraction(TimePoint start, TimePoint deadline, TimePoint now, std::span<const Pause> pauses) {
  if (now >= deadline) return 1.0;
  if (now <= start) return 0.0;
  const auto merged = normalised(pauses);
  return fraction(running_time(start, now, merged), running_time(start, deadline, merged));
}

double elapsed_fraction(TimePoint start, TimePoint deadline, TimePoint now, std::span<const Pause> pauses,
                        SlaTarget target, const WorkingCalendar& calendar, const master_data::ServiceHours& hours,
                        UnitTimeZone zone) {
  if (target.unit == SlaUnit::calendar_hours) return elapsed_fraction(start, deadline, now, pauses);
  if (now >= deadline) return 1.0;
  if (now <= start) return 0.0;
  const Schedule schedule{calendar, hours, zone};
  const auto merged = normalised(pauses);
  auto used = running_service_time(start, now, merged, schedule);
  auto allowed = running_service_time(start, deadline, merged, schedule);
  if (!used.ok() || !allowed.ok()) return elapsed_fraction(start, deadline, now, pauses);
  return fraction(*used, *allowed);
}

}  // namespace sigap::domain::sla
