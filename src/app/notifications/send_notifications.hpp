#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "app/ports/notification_sender.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/integration/retry_schedule.hpp"

namespace sigap::app::notifications {

struct NotificationSettings {
  /// public_url: where citizens reach Sigap; {tracking_url} is public_url + "/lacak/" + code.
  std::string public_url = "http://127.0.0.1:8080";
  domain::integration::RetrySchedule retry;
  std::chrono::milliseconds lease{std::chrono::seconds(60)};
};

/// Sends messages to reporters, one at a time: claims the next due notification (the oldest
/// pending one of its case), reads the case (this is the one place the reporter's contact is
/// opened, and it is never logged), renders the template of the notice in the reporter's
/// language (Indonesian when there is none in theirs), and hands the message to the sender of
/// its channel. Sent: done. A permanent refusal (the address does not exist), no contact left
/// or no sender: dead-lettered at once. Anything else: tried again by the retry schedule, then
/// dead-lettered. Thread-safe like webhooks::WebhookDeliverer.
class NotificationDeliverer {
 public:
  using UnitRandom = std::function<double()>;
  NotificationDeliverer(ports::Storage& storage, const Clock& clock, std::vector<ports::NotificationSender*> senders,
                        NotificationSettings settings, UnitRandom random);

  /// One attempt of the next due notification; false when none was due.
  Result<bool> send_next();
  /// send_next until nothing is due or `max` attempts were made; how many were made.
  Result<std::size_t> run_until_idle(std::size_t max = 10000);

 private:
  /// The message for `notification`, or an error saying why none can be made (kept as the
  /// notification's last error: never personal data).
  Result<ports::OutgoingMessage> compose(const ports::Notification& notification);

  ports::Storage& storage_;
  const Clock& clock_;
  std::vector<ports::NotificationSender*> senders_;
  NotificationSettings settings_;
  UnitRandom random_;
};

/// A deadline as a reporter reads it, on the unit's wall clock: "7 Oktober 2026 pukul 16.00 WIB"
/// or "7 October 2026, 16:00 WIB".
std::string format_deadline(TimePoint at, std::string_view unit_time_zone, Language language);

}  // namespace sigap::app::notifications
