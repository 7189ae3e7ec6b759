#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "domain/complaints/complaint.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::app::sla {

/// What recomputing a case's deadlines needs besides the case itself. Read before the
/// transaction that stores the change (read_case_sla_inputs), so the transaction reads nothing.
struct CaseSlaInputs {
  std::shared_ptr<const SlaBook> book;
  std::optional<domain::master_data::Unit> unit;             // the unit holding the case (after the change)
  std::vector<domain::complaints::ComplaintEvent> timeline;  // as stored, oldest first; empty for a new case
};

/// Reads the inputs for case `complaint_id` (0: a case not stored yet) held by `unit_code`.
Result<CaseSlaInputs> read_case_sla_inputs(ports::Storage& storage, SlaRules& rules, std::int64_t complaint_id,
                                           const std::string& unit_code);

/// What a recomputation found.
struct SlaRecompute {
  /// When the SLA watch must look at the case next: the next escalation level, or the end of
  /// the dispute window of a resolved case; nullopt: nothing due until the case changes.
  std::optional<TimePoint> check_at;
  /// Years the counting needed but the calendar does not cover (an admin must add them).
  std::vector<int> missing_years;
  /// The escalation level due now against the deadline the case is held to (domain::sla::SlaLevel
  /// as a number); nullopt when no clock runs or the level cannot be counted.
  std::optional<int> level_due;
  /// Whether the deadlines, the target, the due time or the level changed.
  bool changed = false;
};

/// THE recomputation of a case's SLA fields (deadlines, sla_target, due_at, sla_level) from its
/// timeline, the policy of its category and unit, the unit's service hours and zone and the
/// working calendar, as of `now`. `pending` is the event about to be committed with the change
/// (nullptr for a recomputation without a change). Rules (docs/sla.md):
///  - a deadline whose stage is over is kept as it was (verify once verified, first response
///    once answered, resolve once resolved or ended); the others are counted afresh, moved by
///    every pause (need_info; for resolve also the time spent resolved before a dispute);
///  - verify and resolve count from receipt, first response from verification (from receipt
///    while not yet verified);
///  - the level restarts at 0 when the case is held to another deadline than before the change,
///    and otherwise never stays above the level due now (a later deadline lowers it).
/// The complaint's milestones must already include `pending` (domain record_milestones).
SlaRecompute recompute_case_sla(domain::complaints::Complaint& complaint, const CaseSlaInputs& inputs,
                                const domain::complaints::ComplaintEvent* pending, TimePoint now);

/// Stores what recompute_case_sla found beside the case's own columns (the check time) and
/// raises a calendar_missing alert for each missing year, inside `tx`. `stored_version` is the
/// version the case row has in this transaction (after any update_state); another one is
/// `precondition_failed`: the outcome was computed from a stale copy.
Result<void> store_case_sla(ports::Transaction& tx, const domain::complaints::Complaint& complaint,
                            const SlaRecompute& outcome, TimePoint now, std::int64_t stored_version);

/// Raises the calendar_missing alert of each year `outcome` missed, inside `tx`: what
/// store_case_sla does besides the check time, for a new case whose check time is stored with
/// it (Complaint::sla_check_at).
Result<void> raise_missing_calendars(ports::Transaction& tx, const SlaRecompute& outcome, TimePoint now);

/// Raises (once while open) the admin alert for a year with no working calendar, and logs it.
Result<void> raise_calendar_missing(ports::Transaction& tx, int year, TimePoint now);

/// The end of the reporter's dispute window: kDisputeWindowWorkingDays working days after
/// `resolved_at` on the unit's calendar. Errors: unavailable when the calendar lacks a year.
Result<TimePoint> dispute_window_closes(TimePoint resolved_at, const domain::sla::WorkingCalendar& calendar,
                                        const domain::master_data::Unit& unit);

/// The first year from `from`'s (local) year on that `calendar` does not cover.
int first_uncovered_year(const domain::sla::WorkingCalendar& calendar, TimePoint from);

}  // namespace sigap::app::sla
