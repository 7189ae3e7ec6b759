#include "domain/presence/staffing.hpp"

#include <algorithm>

#include "domain/sla/date.hpp"

namespace sigap::domain::presence {

namespace {

// A guard against a caller asking for years of intervals: service hours are looked at for a
// week (the figures) or a few days (the watch).
constexpr int kMaxDays = 400;

sla::Date add_days(sla::Date date, int days) {
  return sla::Date{std::chrono::sys_days(date) + std::chrono::days(days)};
}

}  // namespace

std::vector<Interval> service_intervals(const OfficeHours& office, TimePoint from, TimePoint to) {
  std::vector<Interval> out;
  if (to <= from) return out;
  auto day = sla::local_date(from, office.zone);
  const auto last = sla::local_date(to, office.zone);
  for (int n = 0; n < kMaxDays && std::chrono::sys_days(day) <= std::chrono::sys_days(last);
       ++n, day = add_days(day, 1)) {
    if (office.calendar.is_holiday(day)) continue;
    for (const auto& opening : office.hours.days[static_cast<std::size_t>(sla::weekday_index(day))]) {
      Interval interval{std::max(from, sla::to_utc(day, opening.open_minute, office.zone)),
                        std::min(to, sla::to_utc(day, opening.close_minute, office.zone))};
      if (interval.to <= interval.from) continue;
      if (!out.empty() && out.back().to >= interval.from) {
        out.back().to = std::max(out.back().to, interval.to);
      } else {
        out.push_back(interval);
      }
    }
  }
  return out;
}

std::optional<TimePoint> serving_since(const OfficeHours& office, TimePoint now) {
  auto intervals = service_intervals(office, now - std::chrono::days(7), now + std::chrono::seconds(1));
  if (intervals.empty()) return std::nullopt;
  const auto& current = intervals.back();
  if (current.from <= now && now < current.to) return current.from;
  return std::nullopt;
}

TimePoint week_start(TimePoint now, sla::UnitTimeZone zone) {
  auto today = sla::local_date(now, zone);
  auto monday = add_days(today, -sla::weekday_index(today));
  return sla::to_utc(monday, 0, zone);
}

std::vector<Interval> merged(std::vector<Interval> intervals, TimePoint from, TimePoint to) {
  std::vector<Interval> out;
  for (auto& interval : intervals) {
    interval.from = std::max(interval.from, from);
    interval.to = std::min(interval.to, to);
  }
  std::erase_if(intervals, [](const Interval& interval) { return interval.to <= interval.from; });
  std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) { return a.from < b.from; });
  for (const auto& interval : intervals) {
    if (!out.empty() && out.back().to >= interval.from) {
      out.back().to = std::max(out.back().to, interval.to);
    } else {
      out.push_back(interval);
    }
  }
  return out;
}

Duration covered(std::vector<Interval> intervals, TimePoint from, TimePoint to) {
  Duration total{0};
  for (const auto& interval : merged(std::move(intervals), from, to)) total += interval.to - interval.from;
  return total;
}

Duration overlap(std::vector<Interval> a, std::vector<Interval> b, TimePoint from, TimePoint to) {
  auto left = merged(std::move(a), from, to);
  auto right = merged(std::move(b), from, to);
  Duration total{0};
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < left.size() && j < right.size()) {
    auto start = std::max(left[i].from, right[j].from);
    auto end = std::min(left[i].to, right[j].to);
    if (start < end) total += end - start;
    if (left[i].to < right[j].to) {
      ++i;
    } else {
      ++j;
    }
  }
  return total;
}

StaffingVerdict judge_staffing(const OfficeHours& office, const StaffingInput& input, TimePoint now) {
  StaffingVerdict verdict;
  auto since = serving_since(office, now);
  if (!since) return verdict;
  verdict.serving = true;
  if (input.staffed_now) return verdict;
  auto unstaffed = *since;
  if (input.last_check_out && *input.last_check_out > unstaffed) unstaffed = std::min(*input.last_check_out, now);
  verdict.unstaffed_since = unstaffed;
  verdict.alert_due = now - unstaffed > kUnstaffedAlertAfter;
  return verdict;
}

}  // namespace sigap::domain::presence
