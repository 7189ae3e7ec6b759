#pragma once

#include "app/ports/alert_repository.hpp"
#include "app/ports/audit_log.hpp"
#include "app/ports/camera_repository.hpp"
#include "app/ports/complaint_repository.hpp"
#include "app/ports/conversation_repository.hpp"
#include "app/ports/dashboard_repository.hpp"
#include "app/ports/identity_writer.hpp"
#include "app/ports/master_data_writer.hpp"
#include "app/ports/notification_repository.hpp"
#include "app/ports/open311_repository.hpp"
#include "app/ports/outbox_repository.hpp"
#include "app/ports/presence_repository.hpp"
#include "app/ports/sla_repository.hpp"
#include "app/ports/webhook_repository.hpp"

namespace sigap::app::ports {

/// One storage transaction, handed to the work passed to Storage::write. Everything written
/// through it commits together or not at all. Only valid during that call; not thread-safe.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual MasterDataWriter& master_data() = 0;
  virtual IdentityWriter& identity() = 0;
  virtual AuditWriter& audit() = 0;
  virtual ComplaintWriter& complaints() = 0;
  virtual SlaWriter& sla() = 0;
  virtual Open311Writer& open311() = 0;
  virtual OutboxWriter& outbox() = 0;
  virtual WebhookWriter& webhooks() = 0;
  virtual NotificationWriter& notifications() = 0;
  virtual AlertWriter& alerts() = 0;
  virtual PresenceWriter& presence() = 0;
  virtual CameraWriter& cameras() = 0;
  virtual ConversationWriter& conversations() = 0;
  virtual DashboardWriter& dashboard() = 0;
};

}  // namespace sigap::app::ports
