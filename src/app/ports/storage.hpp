#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

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
#include "domain/complaints/complaint.hpp"

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

/// What one committed write changed of cases, for views kept in memory beside the database
/// (the duplicate index). Filled by the storage from the ComplaintWriter calls that succeeded.
struct CommittedCases {
  /// Cases as inserted (with their new id) or as stored by update_state, in the order written.
  std::vector<domain::complaints::Complaint> stored;
  /// (case id, its support count after the write) for each add_support that counted.
  std::vector<std::pair<std::int64_t, int>> support_counts;

  [[nodiscard]] bool empty() const { return stored.empty() && support_counts.empty(); }
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
  using WriteDone = std::function<void(Result<void>)>;
  /// write() without waiting, where queues_writes() (SQLite: every write goes through one
  /// writer thread, which commits the waiting ones together): queues `work` and returns at once;
  /// `done` is called on the writer thread once the work is durable or failed (after the case
  /// watchers). `done` must be quick and must not throw: the next group of writes waits for it.
  /// Where writes are not queued (PostgreSQL) the work runs on the calling thread and `done` is
  /// called before this returns, so a caller that must not block asks queues_writes() first.
  virtual void write_queued(Work work, WriteDone done) = 0;
  [[nodiscard]] virtual bool queues_writes() const = 0;

  using CaseWatcher = std::function<void(const CommittedCases&)>;
  /// Calls `watcher` after every write that committed a change to a case, on the writing thread,
  /// once it is durable; never for a write that failed. Changes made by other processes are not
  /// seen here. The watcher must not write. Returns the number to stop watching with.
  virtual std::size_t watch_cases(CaseWatcher watcher) = 0;
  /// Stops calling the watcher `watch_cases` numbered so; returns once no call of it runs.
  virtual void unwatch_cases(std::size_t number) = 0;

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
