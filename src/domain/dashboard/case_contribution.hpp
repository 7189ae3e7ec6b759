#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "domain/complaints/workflow.hpp"
#include "domain/sla/time_zone.hpp"

namespace sigap::domain::dashboard {

/// What the dashboard figures read of one case, as stored now (docs/command-center.md,
/// "Dashboard figures"). `zone` is the zone of the unit holding it.
struct CaseFacts {
  std::int64_t complaint_id = 0;
  std::string unit_code;
  sla::UnitTimeZone zone = sla::UnitTimeZone::wib;
  complaints::Status status = complaints::Status::submitted;
  bool merged = false;
  int sla_level = 0;
  TimePoint submitted_at{};
  std::optional<TimePoint> first_response_at;
  std::optional<TimePoint> resolved_at;
  std::optional<TimePoint> closed_at;
  std::optional<TimePoint> resolve_due_at;
  std::optional<int> rating;
};

/// How one case counts in the figures of the unit holding it: the per-unit counters (open,
/// overdue) and the day buckets it falls in, each day the local date ("2026-08-04") on that
/// unit's wall clock; '' = it does not count there. The figures of a unit are the sum of the
/// contributions of its cases, so a change of a case is applied as "minus the old contribution,
/// plus the new one". Pure and deterministic.
struct CaseContribution {
  std::string unit_code;       // '' = counts nowhere (a row not filled yet)
  bool open = false;           // still to be worked: submitted .. in_progress, need_info, reopened; not merged
  bool overdue = false;        // open, and the SLA watch escalated it past its running deadline (level >= 2)
  std::string new_day;         // the day it was submitted
  std::string resolved_day;    // the day it was (last) resolved, while resolved or closed with a fix
  std::string response_day;    // the day of the unit's first response
  int response_bucket = -1;    // its histogram bucket (first_response_bucket); -1 with no response
  std::string sla_day;         // = resolved_day when the case had a resolution deadline
  bool within_sla = false;     // resolved no later than the resolution deadline
  std::string rating_day;      // the day the reporter rated it (closed_at; else resolved_at)
  int rating = 0;              // 1-5; 0 = not rated

  bool operator==(const CaseContribution&) const = default;
};

/// The contribution of a case with these facts.
CaseContribution contribution_of(const CaseFacts& facts);

/// Whether a case in `status` (not merged) is open for the dashboard.
bool counts_as_open(complaints::Status status);

}  // namespace sigap::domain::dashboard
