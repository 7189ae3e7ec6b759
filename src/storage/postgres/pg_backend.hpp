#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "storage/postgres/pg_connection.hpp"
#include "storage/sql/connection_pool.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::postgres {

/// The server backend: a fixed pool of libpq connections shared by reads and transactions.
/// A connection found broken is replaced on the spot; a read that met a broken connection is
/// retried once on the new one. Several `sigap serve` processes may share one database.
class PostgresBackend final : public sql::SqlBackend {
 public:
  /// Connects `pool_size` connections and applies migrations (under an advisory lock, so
  /// instances starting together do not race).
  static Result<std::unique_ptr<PostgresBackend>> open(const std::string& url, std::size_t pool_size);

  // sql::SqlBackend
  Result<sql::SqlRows> read(std::string_view sql, const std::vector<sql::SqlValue>& params) override;
  Result<void> transact(const Work& work) override;
  Result<void> ping() override;
  [[nodiscard]] app::ports::StorageStats stats() const override;
  [[nodiscard]] std::string_view name() const override { return "postgres"; }

 private:
  explicit PostgresBackend(std::string url) : url_(std::move(url)) {}
  /// Replaces the leased connection when it is broken; true when it did.
  bool heal(sql::ConnectionPool::Lease& lease);

  std::string url_;
  sql::ConnectionPool pool_;
  std::atomic<std::uint64_t> commits_{0};
};

}  // namespace sigap::storage::postgres
