#pragma once

#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"

namespace sigap::app::notifications {

/// The admin side of messages to reporters (manage_master_data): the templates per notice and
/// language, and the notifications with where each stands (no personal data in either).
class NotificationAdmin {
 public:
  NotificationAdmin(ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  Result<std::vector<ports::NotificationTemplate>> templates();
  /// Replaces the subject (one line, 1-200 characters) and body (1-4,000 characters) of a
  /// notice in a language; each may use only the placeholders {code} {status} {unit} {deadline}
  /// {tracking_url} (a validation error names the unknown one). Audited
  /// (notification_template.saved).
  Result<ports::NotificationTemplate> save_template(ports::NotificationTemplate text, const std::string& by);
  Result<std::vector<ports::Notification>> notifications(const ports::NotificationQuery& query);

 private:
  ports::Storage& storage_;
  const Clock& clock_;
};

}  // namespace sigap::app::notifications
