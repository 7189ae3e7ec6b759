#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/webhook_repository.hpp"
#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/notifications/notice.hpp"
#include "domain/notifications/notify_channel.hpp"

namespace sigap::app::ports {

/// What a reporter is told on a notice, in one language; admins edit them.
struct NotificationTemplate {
  domain::notifications::Notice notice = domain::notifications::Notice::received;
  Language language = Language::id;
  std::string subject;  // e-mail subject; one line
  std::string body;
  std::optional<TimePoint> updated_at;  // nullopt: the default seeded by the migration
  std::string updated_by;
  bool operator==(const NotificationTemplate&) const = default;
};

/// One message to the reporter of a case. Nothing personal: the contact is read from the case
/// when the message is sent.
struct Notification {
  std::int64_t id = 0;
  std::int64_t outbox_id = 0;
  std::int64_t complaint_id = 0;
  std::string public_code;  // of complaint_id (lists only)
  domain::notifications::Notice notice = domain::notifications::Notice::received;
  domain::notifications::NotifyChannel channel = domain::notifications::NotifyChannel::email;
  Language language = Language::id;
  std::string unit_code;  // the unit holding the case when the change happened
  DeliveryStatus status = DeliveryStatus::pending;
  int attempts = 0;
  TimePoint next_attempt_at{};
  TimePoint retry_from{};
  TimePoint created_at{};
  std::optional<TimePoint> finished_at;
  std::string last_error;
};

/// A filter over notifications, newest first.
struct NotificationQuery {
  std::optional<DeliveryStatus> status;
  std::optional<std::int64_t> complaint_id;
  std::int64_t before_id = 0;  // paging: ids below this one; 0 = from the newest
  int limit = 50;
};

/// A case merged into another, whose reporter hears of the master's changes.
struct MergedFollower {
  std::int64_t complaint_id = 0;
  Language language = Language::id;
  domain::notifications::ReporterReach reach;
};

/// Reads templates and notifications. Thread-safe.
class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  /// Every template, by notice then language.
  virtual Result<std::vector<NotificationTemplate>> templates() = 0;
  virtual Result<std::optional<NotificationTemplate>> find_template(domain::notifications::Notice notice,
                                                                    Language language) = 0;
  virtual Result<std::vector<Notification>> notifications(const NotificationQuery& query) = 0;
  /// The earliest next attempt among pending notifications (nothing when none is pending).
  virtual Result<std::optional<TimePoint>> next_due() = 0;
};

/// Writes notifications and templates inside a Transaction.
class NotificationWriter {
 public:
  virtual ~NotificationWriter() = default;
  /// Adds a pending notification due at `created_at`; false when the case already has one for
  /// that outbox row (a repeated fan-out changes nothing).
  virtual Result<bool> add(const Notification& notification) = 0;
  /// The cases merged into `master_id`, with what decides whether their reporters hear back.
  virtual Result<std::vector<MergedFollower>> merged_followers(std::int64_t master_id) = 0;
  /// Claims the next notification due at `now` that is the oldest pending one of its case (a
  /// reporter reads "received" before "verified"), pushing its next attempt to `lease_until`.
  virtual Result<std::optional<Notification>> claim_next(TimePoint now, TimePoint lease_until) = 0;
  /// Records an attempt's outcome (delivered, dead, or pending again at `next_attempt_at`,
  /// with `error`); false when it is no longer pending.
  virtual Result<bool> record_attempt(std::int64_t id, TimePoint at, DeliveryStatus outcome,
                                      std::optional<TimePoint> next_attempt_at, const std::string& error) = 0;
  /// Replaces the subject and body of (notice, language).
  virtual Result<void> save_template(const NotificationTemplate& text) = 0;
};

}  // namespace sigap::app::ports
