#pragma once

#include <map>
#include <memory>
#include <string>

#include "storage/sql/sql_connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace sigap::storage::sqlite {

/// One sqlite3 connection with a cache of prepared statements. Used by one thread at a time.
class SqliteConnection final : public sql::SqlConnection {
 public:
  /// Opens `path` (created when `read_only` is false), WAL mode, foreign keys on,
  /// synchronous=FULL, a busy timeout. Failure is `unavailable` naming the path.
  static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path, bool read_only);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // sql::SqlConnection
  Result<sql::SqlRows> query(std::string_view sql, const std::vector<sql::SqlValue>& params) override;
  Result<void> execute_script(std::string_view sql) override;

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  Error error_from(int code, std::string_view context) const;

  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

}  // namespace sigap::storage::sqlite
