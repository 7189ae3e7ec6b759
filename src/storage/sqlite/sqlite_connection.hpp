#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

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

  /// Replaces SQLite's automatic checkpoint: after each commit `committed` is told how many
  /// pages the write-ahead log holds, and checkpointing is left to whoever it tells. The
  /// callback runs on this connection's thread, inside the commit; it must not use the
  /// connection. Set it before the connection is used; it must outlive the connection.
  void on_wal_commit(std::function<void(int wal_pages)> committed);
  /// A PASSIVE checkpoint: copies what it can of the write-ahead log into the database without
  /// waiting for readers or the writer. Returns the pages still in the log after it (0 when
  /// another connection was checkpointing).
  Result<int> checkpoint_passive();

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  Error error_from(int code, std::string_view context) const;

  sqlite3* db_;
  std::function<void(int)> wal_committed_;
  /// A statement kept prepared, with where each of its parameters $1..$N sits: SQLite numbers
  /// them in order of first use, and finding one by name scans all of them, so the lookup is
  /// made once here rather than for every parameter of every execution (a tenth of the writer's
  /// time at intake, most of it the outbox's 400-parameter batch update).
  struct Prepared {
    sqlite3_stmt* statement = nullptr;
    std::vector<int> slots;  // slots[i]: the index of $i+1 in the statement; 0 when unused
  };
  std::map<std::string, Prepared, std::less<>> statements_;
};

}  // namespace sigap::storage::sqlite
