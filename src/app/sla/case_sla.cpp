#include "app/sla/case_sla.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "common/logging.hpp"
#include "domain/complaints/milestones.hpp"
#include "domain/complaints/sla_clock.hpp"
#include "domain/complaints/workflow.hpp"
#include "domain/sla/deadline.hpp"
#include "domain/sla/escalation.hpp"
#include "domain/sla/time_zone.hpp"

namespace sigap::app::sla {

namespace dc = domain::complaints;
namespace ds = domain::sla;

namespace {

ds::UnitTimeZone zone_of(const std::optional<domain::master_data::Unit>& unit) {
  if (!unit) return ds::UnitTimeZone::wib;
  auto zone = ds::time_zone_from_name(unit->time_zone);
  return zone ? *zone : ds::UnitTimeZone::wib;
}

void note_missing(std::vector<int>& years, int year) {
  if (std::find(years.begin(), years.end(), year) == years.end()) years.push_back(year);
}

}  // namespace

int first_uncovered_year(const ds::WorkingCalendar& calendar, TimePoint from) {
  int year = static_cast<int>(ds::local_date(from, ds::UnitTimeZone::wib).year());
  while (calendar.covers(year)) ++year;
  return year;
}

Result<CaseSlaInputs> read_case_sla_inputs(ports::Storage& storage, SlaRules& rules, std::int64_t complaint_id,
                                           const std::string& unit_code) {
  CaseSlaInputs inputs;
  auto book = rules.book();
  if (!book) return book.error();
  inputs.book = std::move(*book);
  auto unit = storage.units().find_by_code(unit_code);
  if (!unit) return unit.error();
  inputs.unit = std::move(*unit);
  if (complaint_id != 0) {
    auto events = storage.complaints().events(complaint_id, false);
    if (!events) return events.error();
    inputs.timeline = std::move(*events);
  }
  return inputs;
}

Result<TimePoint> dispute_window_closes(TimePoint resolved_at, const ds::WorkingCalendar& calendar,
                                        const domain::master_data::Unit& unit) {
  auto zone = ds::time_zone_from_name(unit.time_zone);
  return ds::deadline(resolved_at, ds::SlaTarget::working_days(dc::kDisputeWindowWorkingDays), calendar,
                      unit.service_hours, zone ? *zone : ds::UnitTimeZone::wib);
}

SlaRecompute recompute_case_sla(dc::Complaint& complaint, const CaseSlaInputs& inputs,
                                const dc::ComplaintEvent* pending, TimePoint now) {
  SlaRecompute outcome;
  const auto before_deadlines = complaint.deadlines;
  const auto before_target = complaint.sla_target;
  const auto before_due = complaint.due_at;
  const auto before_level = complaint.sla_level;

  std::vector<dc::ComplaintEvent> timeline = inputs.timeline;
  if (pending) timeline.push_back(*pending);
  const auto facts = dc::clock_facts(timeline, now);
  // What the case was held to before this change (a new case: what it is held to now).
  const bool has_past = !inputs.timeline.empty();
  const dc::HeldTo held_before = has_past ? dc::clock_facts(inputs.timeline, now).held_to : dc::HeldTo{};
  const auto held =
      dc::held_to(complaint.status, complaint.status_before_need_info, complaint.first_response_at.has_value());

  const auto& book = *inputs.book;
  static const domain::master_data::ServiceHours kNoHours{};
  const auto& hours = inputs.unit ? inputs.unit->service_hours : kNoHours;
  const ds::Schedule schedule{book.calendar, hours, zone_of(inputs.unit)};
  const auto policy = book.policy_for(complaint.category_code, complaint.unit_code);

  auto count = [&](TimePoint start, ds::SlaTarget target) -> std::optional<TimePoint> {
    auto due = ds::deadline(start, target, facts.pauses, schedule.calendar, schedule.hours, schedule.zone);
    if (due) return *due;
    if (due.error().code() == ErrorCode::unavailable) {
      note_missing(outcome.missing_years, first_uncovered_year(book.calendar, start));
    } else {
      logging::app().warn("sla: no deadline for case {} at unit {}: {}", complaint.id, complaint.unit_code,
                          due.error().log_detail());
    }
    return std::nullopt;
  };

  const bool over = dc::is_terminal(complaint.status);
  const auto received = complaint.submitted_at;
  const auto handed_over = facts.verified_at.value_or(received);
  if (complaint.status == dc::Status::submitted) complaint.deadlines.verify = count(received, policy.verify);
  if (!over && !complaint.first_response_at) {
    complaint.deadlines.first_response = count(handed_over, policy.first_response);
  }
  if (!over && complaint.status != dc::Status::resolved) complaint.deadlines.resolve = count(received, policy.resolve);

  std::optional<TimePoint> due;
  TimePoint start = received;
  ds::SlaTarget target;
  switch (held.stage) {
    case dc::SlaStage::verify:
      due = complaint.deadlines.verify;
      target = policy.verify;
      break;
    case dc::SlaStage::first_response:
      due = complaint.deadlines.first_response;
      start = handed_over;
      target = policy.first_response;
      break;
    case dc::SlaStage::resolve:
      due = complaint.deadlines.resolve;
      target = policy.resolve;
      break;
    case dc::SlaStage::none:
      break;
  }
  complaint.sla_target = held.running ? std::string(dc::to_string(held.stage)) : std::string();
  complaint.due_at = held.running ? due : std::nullopt;
  if (has_past && held_before.stage != held.stage) complaint.sla_level = 0;

  if (held.running && due) {
    auto times = ds::level_times(start, *due, facts.pauses, target, schedule);
    if (times) {
      outcome.level_due = static_cast<int>(ds::level_due(*times, now));
      auto reached = std::min(complaint.sla_level, *outcome.level_due);
      complaint.sla_level = std::max(reached, 0);
      outcome.check_at = ds::next_level_at(*times, static_cast<ds::SlaLevel>(complaint.sla_level));
    } else if (times.error().code() == ErrorCode::unavailable) {
      note_missing(outcome.missing_years, first_uncovered_year(book.calendar, *due));
    }
  } else if (complaint.status == dc::Status::resolved && complaint.resolved_at && inputs.unit) {
    auto closes = dispute_window_closes(*complaint.resolved_at, book.calendar, *inputs.unit);
    if (closes) {
      outcome.check_at = *closes + std::chrono::seconds(1);
    } else if (closes.error().code() == ErrorCode::unavailable) {
      note_missing(outcome.missing_years, first_uncovered_year(book.calendar, *complaint.resolved_at));
    }
  }
  outcome.changed = complaint.deadlines != before_deadlines || complaint.sla_target != before_target ||
                    complaint.due_at != before_due || complaint.sla_level != before_level;
  return outcome;
}

Result<void> raise_calendar_missing(ports::Transaction& tx, int year, TimePoint now) {
  ports::Alert alert;
  alert.kind = "calendar_missing";
  alert.severity = "critical";
  alert.subject = fmt::format("year:{}", year);
  alert.message = fmt::format(
      "Kalender hari kerja tahun {0} belum dimuat: tenggat aduan yang melewati tahun {0} tidak dapat dihitung. "
      "Tambahkan libur nasional dan cuti bersama {0}, lalu nyatakan tahun itu lengkap. / No working calendar is "
      "loaded for {0}: deadlines that run into {0} cannot be computed. Add its national holidays and collective "
      "leave days, then declare the year complete.",
      year);
  alert.created_at = now;
  auto raised = tx.sla().raise_alert(alert);
  if (!raised) return raised.error();
  if (*raised) logging::app().warn("sla: no working calendar for {}; admin alert raised", year);
  return {};
}

Result<void> store_case_sla(ports::Transaction& tx, const dc::Complaint& complaint, const SlaRecompute& outcome,
                            TimePoint now, std::int64_t stored_version) {
  if (auto set = tx.sla().set_check_at(complaint.id, outcome.check_at, stored_version); !set) return set;
  return raise_missing_calendars(tx, outcome, now);
}

Result<void> raise_missing_calendars(ports::Transaction& tx, const SlaRecompute& outcome, TimePoint now) {
  for (int year : outcome.missing_years) {
    if (auto raised = raise_calendar_missing(tx, year, now); !raised) return raised;
  }
  return {};
}

}  // namespace sigap::app::sla
