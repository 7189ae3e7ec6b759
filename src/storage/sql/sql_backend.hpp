#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "storage/sql/sql_connection.hpp"

namespace sigap::storage::sql {

/// What a database engine offers the shared repositories: reads on a pooled connection and
/// transactions. Implemented by SqliteBackend and PostgresBackend. Thread-safe.
class SqlBackend {
 public:
  using Work = std::function<Result<void>(SqlConnection&)>;

  virtual ~SqlBackend() = default;
  /// One read-only statement on a pooled reader connection.
  virtual Result<SqlRows> read(std::string_view sql, const std::vector<SqlValue>& params) = 0;
  /// Runs `work` inside one transaction; commits when it succeeds, rolls back when it fails.
  /// Returns after the commit is durable.
  virtual Result<void> transact(const Work& work) = 0;
  using Done = std::function<void(Result<void>)>;
  /// transact() without waiting, where the engine has a writer thread of its own (SQLite,
  /// queues_writes()): queues `work` and returns at once; `done` is called on that thread once
  /// the work is durable or failed, and must be quick (hand the rest to another thread).
  /// Elsewhere (PostgreSQL) it runs the work on the calling thread and calls `done` before it
  /// returns.
  virtual void transact_queued(Work work, Done done) { done(transact(work)); }
  [[nodiscard]] virtual bool queues_writes() const { return false; }
  virtual Result<void> ping() = 0;
  [[nodiscard]] virtual app::ports::StorageStats stats() const = 0;
  [[nodiscard]] virtual std::string_view name() const = 0;
};

}  // namespace sigap::storage::sql
