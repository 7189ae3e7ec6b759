#include "storage/postgres/pg_backend.hpp"

#include "common/logging.hpp"
#include "storage/migrations/migrator.hpp"

namespace sigap::storage::postgres {

namespace {

constexpr std::chrono::milliseconds kPoolWait{5000};
// Any fixed number, the same in every sigap process: the key of the migration lock.
constexpr std::int64_t kMigrationLock = 7'171'001;

}  // namespace

Result<std::unique_ptr<PostgresBackend>> PostgresBackend::open(const std::string& url, std::size_t pool_size) {
  std::unique_ptr<PostgresBackend> backend(new PostgresBackend(url));
  auto first = PgConnection::connect(url);
  if (!first) return first.error();
  {
    auto& connection = **first;
    if (auto locked = connection.query("SELECT pg_advisory_lock($1)", {kMigrationLock}); !locked) {
      return locked.error();
    }
    auto migrated = migrations::migrate(connection, migrations::postgres_migrations());
    (void)connection.query("SELECT pg_advisory_unlock($1)", {kMigrationLock});
    if (!migrated) return migrated.error();
    if (migrated->version_after != migrated->version_before) {
      logging::app().info("postgres {}: schema migrated from version {} to {}", redact_url(url),
                          migrated->version_before, migrated->version_after);
    }
  }
  backend->pool_.add(std::move(*first));
  for (std::size_t i = 1; i < std::max<std::size_t>(pool_size, 1); ++i) {
    auto connection = PgConnection::connect(url);
    if (!connection) return connection.error();
    backend->pool_.add(std::move(*connection));
  }
  return backend;
}

bool PostgresBackend::heal(sql::ConnectionPool::Lease& lease) {
  auto* connection = dynamic_cast<PgConnection*>(&*lease);
  if (connection && connection->healthy()) return false;
  auto fresh = PgConnection::connect(url_);
  if (!fresh) return false;  // keep the broken one; the next use tries again
  lease.replace(std::move(*fresh));
  return true;
}

Result<sql::SqlRows> PostgresBackend::read(std::string_view sql, const std::vector<sql::SqlValue>& params) {
  auto lease = pool_.acquire(kPoolWait);
  if (!lease) return lease.error();
  auto rows = (*lease)->query(sql, params);
  if (!rows && rows.error().code() == ErrorCode::unavailable && heal(*lease)) {
    rows = (*lease)->query(sql, params);
  }
  return rows;
}

Result<void> PostgresBackend::transact(const Work& work) {
  auto lease = pool_.acquire(kPoolWait);
  if (!lease) return lease.error();
  auto& connection = **lease;
  if (auto begun = connection.execute_script("BEGIN"); !begun) {
    heal(*lease);
    return begun.error();
  }
  Result<void> result = Error::internal("transaction threw");
  try {
    result = work(connection);
  } catch (const std::exception& e) {
    result = Error::internal(std::string("transaction threw: ") + e.what());
  }
  if (!result) {
    (void)connection.execute_script("ROLLBACK");
    heal(*lease);
    return result;
  }
  if (auto committed = connection.execute_script("COMMIT"); !committed) {
    (void)connection.execute_script("ROLLBACK");
    heal(*lease);
    return committed.error();
  }
  commits_.fetch_add(1);
  return {};
}

Result<void> PostgresBackend::ping() {
  auto rows = read("SELECT 1", {});
  if (!rows) return rows.error();
  return {};
}

app::ports::StorageStats PostgresBackend::stats() const {
  app::ports::StorageStats stats;
  stats.reader_pool_size = pool_.size();
  stats.readers_in_use = pool_.in_use();
  stats.commits = commits_.load();
  stats.transactions = stats.commits;
  return stats;
}

}  // namespace sigap::storage::postgres
