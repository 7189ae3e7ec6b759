#include "app/notifications/notification_fan_out.hpp"

#include "app/webhooks/cloud_event.hpp"
#include "domain/notifications/notice.hpp"

namespace sigap::app::notifications {

namespace dn = domain::notifications;

Result<void> NotificationFanOut::fan_out(ports::Transaction& tx, const std::vector<ports::OutboxEntry>& batch,
                                         TimePoint now) {
  if (channels_.empty()) return {};
  for (const auto& entry : batch) {
    auto notice = dn::notice_for(entry.event);
    if (!notice) continue;
    ports::Notification notification;
    notification.outbox_id = entry.id;
    notification.notice = *notice;
    notification.unit_code = webhooks::unit_after_event(entry);
    notification.created_at = now;
    auto add = [&](std::int64_t complaint_id, Language language, const dn::ReporterReach& reach) -> Result<void> {
      auto channel = dn::notify_channel(reach);
      if (!channel || !channels_.contains(*channel)) return {};
      notification.complaint_id = complaint_id;
      notification.language = language;
      notification.channel = *channel;
      auto added = tx.notifications().add(notification);
      if (!added) return added.error();
      return {};
    };
    if (auto added = add(entry.event.complaint_id, entry.language, entry.reach); !added) return added;
    if (*notice == dn::Notice::received) continue;  // nothing is merged into a case at its intake
    auto followers = tx.notifications().merged_followers(entry.event.complaint_id);
    if (!followers) return followers.error();
    for (const auto& follower : *followers) {
      if (auto added = add(follower.complaint_id, follower.language, follower.reach); !added) return added;
    }
  }
  return {};
}

}  // namespace sigap::app::notifications
