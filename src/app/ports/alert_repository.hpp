#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"

namespace sigap::app::ports {

/// Something that needs a supervisor's, a leader's or an admin's eye (domain/alerts/alert_kind).
/// At most one open alert per (kind, subject). Open until `closed_at`: condition alerts close
/// when the condition ends, event alerts when acknowledged.
struct Alert {
  std::int64_t id = 0;
  std::string kind;       // domain::alerts::to_string(AlertKind)
  std::string severity;   // "warning", "critical"
  std::string unit_code;  // the unit it is about (its scope); "" for the whole city (admins)
  std::string subject;    // "year:2027", "complaint:12", "unit:kelurahan-16.71.01.1001", "camera:3", "surge:..."
  std::string message;    // Indonesian / English; never personal data
  TimePoint created_at{};
  std::string acknowledged_by;  // "user:12"
  std::optional<TimePoint> acknowledged_at;
  std::optional<TimePoint> closed_at;

  [[nodiscard]] bool open() const { return !closed_at.has_value(); }
  bool operator==(const Alert&) const = default;
};

enum class AlertState { open, closed, all };

/// Which alerts to list, in the order open first, then newest first.
struct AlertQuery {
  /// Scope: everything, or the alerts of the units under `unit_roots` (alerts of the whole
  /// city, unit "", only with `everywhere`).
  bool everywhere = false;
  std::vector<std::string> unit_roots;
  std::optional<std::string> unit;  // that unit and the units under it
  std::optional<std::string> kind;
  AlertState state = AlertState::open;
  /// Continue after this alert (its closed flag and id), as the last page ended.
  std::optional<std::pair<bool, std::int64_t>> after;
  int limit = 50;
};

/// Open alerts of one kind at one unit, for the Command Center's tiles.
struct OpenAlertCount {
  std::string unit_code;
  std::string kind;
  std::int64_t count = 0;
};

/// Reads alerts. Thread-safe.
class AlertRepository {
 public:
  virtual ~AlertRepository() = default;
  virtual Result<std::vector<Alert>> list(const AlertQuery& query) = 0;
  virtual Result<std::optional<Alert>> find(std::int64_t id) = 0;
  /// Every open alert of `kind` (the watches compare them with what they see).
  virtual Result<std::vector<Alert>> open_of_kind(std::string_view kind) = 0;
  /// Open alerts per unit and kind (one indexed read of the open ones).
  virtual Result<std::vector<OpenAlertCount>> open_counts() = 0;
  /// Every open alert and every alert with an id above `after_id` (open or closed), by id: what
  /// a follower of the table (the live stream) compares with its previous look.
  virtual Result<std::vector<Alert>> open_or_after(std::int64_t after_id) = 0;
};

/// Writes alerts inside a Transaction.
class AlertWriter {
 public:
  virtual ~AlertWriter() = default;
  /// Raises `alert` unless one of its (kind, subject) is open; its id when raised.
  virtual Result<std::optional<std::int64_t>> raise(const Alert& alert) = 0;
  /// Raises `alert` unless any alert of its (kind, subject) was ever raised, open or closed
  /// (a surge: once per category, kecamatan and hour).
  virtual Result<std::optional<std::int64_t>> raise_once(const Alert& alert) = 0;
  /// Closes the open alert of (kind, subject) at `at`; false when none was open.
  virtual Result<bool> close(std::string_view kind, std::string_view subject, TimePoint at) = 0;
  /// Records who acknowledged the alert and when, and closes it at the same time when `close`;
  /// false when it is already acknowledged (or does not exist).
  virtual Result<bool> acknowledge(std::int64_t id, const std::string& by, TimePoint at, bool close) = 0;
};

}  // namespace sigap::app::ports
