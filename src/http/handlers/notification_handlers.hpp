#pragma once

#include "app/notifications/notification_admin.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// Messages to reporters for admins (manage_master_data): the templates they edit and the
/// notifications with where each stands. Nothing personal is shown.
class NotificationHandlers {
 public:
  NotificationHandlers(app::ports::Storage& storage, const Clock& clock) : admin_(storage, clock) {}

  /// GET /api/v1/notification-templates: {placeholders, items: [{notice, language, subject, body,
  /// updated_at, updated_by}]}.
  Response templates(const Request& request);
  /// PUT /api/v1/notification-templates {notice, language, subject, body}: audited.
  Response save_template(const Request& request);
  /// GET /api/v1/notifications?status=&complaint=&before=&limit=
  Response notifications(const Request& request);

 private:
  app::notifications::NotificationAdmin admin_;
};

}  // namespace sigap::http::handlers
