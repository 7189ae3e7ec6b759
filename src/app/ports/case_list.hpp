#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "domain/complaints/case_filter.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::app::ports {

/// A page of cases: those in scope that pass the filter, in the filter's order, after its cursor.
/// Lists never read personal data: the reporter, the address and the account come back empty.
struct CaseListQuery {
  bool everywhere = false;              // else only cases of `unit_roots` and their sub-units
  std::vector<std::string> unit_roots;
  domain::complaints::CaseFilter filter;
  TimePoint now{};                      // what "overdue" is measured against
  /// The public list: confidential and merged cases are left out.
  bool public_only = false;
};

/// How many cases of a list are in one status (the inbox tabs).
struct StatusCount {
  domain::complaints::Status status = domain::complaints::Status::submitted;
  std::int64_t count = 0;
};

/// What the public figures are made of, per case submitted in a period: no text, no person.
struct CaseOutcome {
  std::string unit_code;
  domain::complaints::Status status = domain::complaints::Status::submitted;
  TimePoint submitted_at{};
  std::optional<TimePoint> first_response_at;
  std::optional<TimePoint> resolved_at;
  std::optional<TimePoint> resolve_due_at;
  std::optional<int> rating;
  bool merged = false;
};

/// Cases submitted in [from, before); an absent bound does not narrow.
struct OutcomeQuery {
  std::optional<TimePoint> from;
  std::optional<TimePoint> before;
};

}  // namespace sigap::app::ports
