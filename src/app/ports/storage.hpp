#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "app/ports/alert_repository.hpp"
#include "app/ports/audit_log.hpp"
#include "app/ports/camera_repository.hpp"
#include "app/ports/category_repository.hpp"
#include "app/ports/conversation_repository.hpp"
#include "app/ports/dashboard_repository.hpp"
#include "app/ports/notification_repository.hpp"
#include "app/ports/open311_repository.hpp"
#include "app/ports/outbox_repository.hpp"
#include "app/ports/presence_repository.hpp"
#include "app/ports/region_repository.hpp"
#include "app/ports/report_rate_repository.hpp"
#include "app/ports/sla_repository.hpp"
#include "app/ports/transaction.hpp"
#include "app/ports/unit_repository.hpp"
#include "app/ports/user_repository.hpp"
#include "app/ports/webhook_repository.hpp"
#include "common/error.hpp"

namespace sigap::app::ports {

/// Gauges of the storage backend for /metrics.
struct StorageStats {
  std::size_t reader_pool_size = 0;
  std::size_t readers_in_use = 0;
  std::size_t writer_queue_depth = 0;   // transactions waiting for the writer (SQLite)
  std::uint64_t commits = 0;            // physical commits (one per group on SQLite)
  std::uint64_t transactions = 0;       // transactions committed
  std::uint64_t memory_bytes = 0;       // SQLite: its memory now, mostly page cache (0 on PostgreSQL)
};

/// The database: repositories to read and one way to write. Thread-safe; one instance per
/// process, shared by all request threads.
class Storage {
 public:
  using Work = std::function<Result<void>(Transaction&)>;

  virtual ~Storage() = default;

  virtual RegionRepository& regions() = 0;
  virtual UnitRepository& units() = 0;
  virtual CategoryRepository& categories() = 0;
  virtual UserRepository& users() = 0;
  virtual CredentialRepository& credentials() = 0;
  virtual AuditRepository& audit() = 0;
  virtual ComplaintRepository& complaints() = 0;
  virtual SlaRepository& sla() = 0;
  virtual Open311Repository& open311() = 0;
  virtual OutboxRepository& outbox() = 0;
  virtual WebhookRepository& webhooks() = 0;
  virtual NotificationRepository& notifications() = 0;
  virtual AlertRepository& alerts() = 0;
  virtual PresenceRepository& presence() = 0;
  virtual CameraRepository& cameras() = 0;
  virtual ReportRateRepository& report_rates() = 0;
  virtual ConversationRepository& conversations() = 0;
  virtual DashboardRepository& dashboard() = 0;

  /// Runs `work` in one transaction and returns once it is durable (committed) or failed.
  /// When `work` returns an error nothing it wrote is kept and that error is returned.
  /// Blocks the calling thread; `work` may run on another thread.
  virtual Result<void> write(const Work& work) = 0;

  /// Seals again, with the newest key of the ring, every piece of personal data sealed with an
  /// older one (after `sigap keys rotate`), in one transaction. Returns how many rows changed.
  virtual Result<std::size_t> reseal_personal_data() = 0;

  /// Tidies the search index after a bulk load (`sigap generate complaints`): SQLite merges the
  /// full-text index into one segment (searches newest first read far less), PostgreSQL
  /// refreshes the planner's statistics of the complaints. Safe at any time; seconds on a
  /// million cases, during which writes wait.
  virtual Result<void> optimize_search_index() = 0;
  /// Adds to the full-text index the complaints stored since it was last brought up to date
  /// (SQLite indexes in batches; PostgreSQL as it writes, so there it is always 0). Returns how
  /// many were added. Cheap when nothing is waiting (one read, no write).
  virtual Result<std::size_t> catch_up_search_index() = 0;

  /// Whether the database answers a trivial query now.
  virtual Result<void> ping() = 0;
  [[nodiscard]] virtual StorageStats stats() const = 0;
  /// "sqlite" or "postgres".
  [[nodiscard]] virtual std::string_view backend() const = 0;
};

}  // namespace sigap::app::ports
