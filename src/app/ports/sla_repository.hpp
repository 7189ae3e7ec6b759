#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/alert_repository.hpp"
#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/sla/calendar_amendments.hpp"
#include "domain/sla/policy_lookup.hpp"

namespace sigap::app::ports {

/// Reads SLA policies, calendar amendments, alerts and the cases the SLA watch must look at.
/// Thread-safe.
class SlaRepository {
 public:
  virtual ~SlaRepository() = default;
  /// Every policy row, ordered by category then unit.
  virtual Result<std::vector<domain::sla::SlaPolicyRule>> policies() = 0;
  /// Every amendment, ordered by date.
  virtual Result<std::vector<domain::sla::CalendarAmendment>> calendar_amendments() = 0;
  /// The years admins declared complete, ascending.
  virtual Result<std::vector<int>> completed_years() = 0;
  /// Ids of cases whose SLA check time has come (check_at <= now), earliest first, at most
  /// `limit`. Uses the index on the check time.
  virtual Result<std::vector<std::int64_t>> cases_to_check(TimePoint now, int limit) = 0;
  /// Ids of cases that are not closed or rejected, ascending, after `after_id`, at most `limit`.
  virtual Result<std::vector<std::int64_t>> open_cases(std::int64_t after_id, int limit) = 0;
  /// When the SLA watch looks at the case next (nullopt: never, until something changes).
  virtual Result<std::optional<TimePoint>> check_at(std::int64_t complaint_id) = 0;
  /// Alerts, newest first; `open_only` leaves out the closed ones (AlertRepository lists them
  /// with scope and filters).
  virtual Result<std::vector<Alert>> alerts(bool open_only, int limit) = 0;
};

/// Writes SLA policies, calendar amendments, alerts and check times inside a Transaction.
class SlaWriter {
 public:
  virtual ~SlaWriter() = default;
  /// Inserts or replaces the policy of (category, unit).
  virtual Result<void> save_policy(const domain::sla::SlaPolicyRule& rule, TimePoint at) = 0;
  /// Inserts or replaces what is said about the amendment's date.
  virtual Result<void> save_calendar_amendment(const domain::sla::CalendarAmendment& amendment) = 0;
  /// Declares a year's calendar complete; a year already declared is no error.
  virtual Result<void> complete_year(int year) = 0;
  /// Raises an alert unless one of its (kind, subject) is still open; true when raised
  /// (AlertWriter::raise, for the SLA use cases).
  virtual Result<bool> raise_alert(const Alert& alert) = 0;
  /// Sets when the SLA watch looks at the case next (nullopt: never, until something changes),
  /// only if the case's stored version is `version`; otherwise `precondition_failed` (someone
  /// changed it since the check time was computed).
  virtual Result<void> set_check_at(std::int64_t complaint_id, std::optional<TimePoint> at, std::int64_t version) = 0;
};

}  // namespace sigap::app::ports
