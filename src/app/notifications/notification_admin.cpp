#include "app/notifications/notification_admin.hpp"

#include "app/audit/record_audit.hpp"
#include "domain/notifications/message_template.hpp"

namespace sigap::app::notifications {

namespace dn = domain::notifications;

Result<std::vector<ports::NotificationTemplate>> NotificationAdmin::templates() {
  return storage_.notifications().templates();
}

Result<ports::NotificationTemplate> NotificationAdmin::save_template(ports::NotificationTemplate text,
                                                                     const std::string& by) {
  std::vector<FieldError> problems;
  for (auto checked :
       {dn::check_template(text.subject, "subject", 200, true), dn::check_template(text.body, "body", 4000, false)}) {
    if (!checked) {
      for (const auto& field : checked.error().fields()) problems.push_back(field);
    }
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Templat tidak valid.", "Invalid template."}, std::move(problems));
  }
  text.updated_at = clock_.now();
  text.updated_by = by;
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto saved = tx.notifications().save_template(text); !saved) return saved;
    auto target = "notification_template:" + std::string(dn::to_string(text.notice)) + "/" +
                  (text.language == Language::en ? "en" : "id");
    auto audited = audit::record_audit(tx, {*text.updated_at, by, "notification_template.saved", target, "", ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return text;
}

Result<std::vector<ports::Notification>> NotificationAdmin::notifications(const ports::NotificationQuery& query) {
  return storage_.notifications().notifications(query);
}

}  // namespace sigap::app::notifications
