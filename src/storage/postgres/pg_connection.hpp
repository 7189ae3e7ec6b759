#pragma once

#include <map>
#include <memory>
#include <string>

#include "storage/sql/sql_connection.hpp"

struct pg_conn;

namespace sigap::storage::postgres {

/// One libpq connection with its prepared statements (prepared on first use, by name).
/// Used by one thread at a time.
class PgConnection final : public sql::SqlConnection {
 public:
  /// Connects with a libpq URI or conninfo. Failure is `unavailable`, with a message that names
  /// the server but never the password.
  static Result<std::unique_ptr<PgConnection>> connect(const std::string& url);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // sql::SqlConnection
  Result<sql::SqlRows> query(std::string_view sql, const std::vector<sql::SqlValue>& params) override;
  Result<void> execute_script(std::string_view sql) override;

  /// Whether the connection is still usable (a broken one is replaced by the pool's owner).
  [[nodiscard]] bool healthy() const;

 private:
  explicit PgConnection(pg_conn* connection) : connection_(connection) {}

  pg_conn* connection_;
  std::map<std::string, std::string, std::less<>> statements_;  // SQL -> statement name
};

/// "postgres://sigap:secret@db:5432/sigap" -> "postgres://sigap:***@db:5432/sigap".
std::string redact_url(std::string_view url);

}  // namespace sigap::storage::postgres
