#include "storage/sqlite/sqlite_connection.hpp"

#include <charconv>
#include <memory>

#include <fmt/format.h>
#include <sqlite3.h>

namespace sigap::storage::sqlite {

namespace {

// A waiting writer or reader retries this long before reporting the database busy.
constexpr int kBusyTimeoutMs = 5000;

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path, bool read_only) {
  sqlite3* db = nullptr;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
              SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Error(ErrorCode::unavailable,
                 Text{fmt::format("Basis data SQLite {} tidak dapat dibuka: {}", path, why),
                      fmt::format("cannot open the SQLite database {}: {}", path, why)});
  }
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  std::string pragmas = "PRAGMA foreign_keys = ON;";
  // secure_delete: freed and overwritten content is zeroed, so personal data that is deleted or
  // sealed again under a new key does not linger in free pages of the file.
  if (!read_only) pragmas += "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;";
  // The writer's savepoints (one per write in a group commit) keep the pages they may have to
  // restore in memory. With SQLite's default they spill to a temporary file past 64 KiB, which
  // a group of a dozen intakes always did: a file created, written page by page and unlinked on
  // every commit, about two of every three of the writer's pwrite calls.
  if (!read_only) pragmas += "PRAGMA temp_store = MEMORY;";
  // A page cache of 32 MiB per connection (the default 2 MiB re-reads the indexes of a large
  // table on every query). Readers do not map the file: SQLite drops a reader's map whenever
  // the write-ahead log changed since its last read, so under steady writes every read paid an
  // munmap (stopping both cores to flush their TLBs), an mmap and a page fault per page it
  // touched; that was a third of intake's duplicate lookup. Without the map, the staff list
  // over a million unchanging cases is about a tenth slower (bench/README.md).
  pragmas += "PRAGMA cache_size = -32768;";
  if (auto set = connection->execute_script(pragmas); !set) return set.error();
  return connection;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.statement);
  sqlite3_close(db_);
}

void SqliteConnection::on_wal_commit(std::function<void(int wal_pages)> committed) {
  wal_committed_ = std::move(committed);
  sqlite3_wal_hook(
      db_,
      [](void* self, sqlite3*, const char*, int pages) {
        static_cast<SqliteConnection*>(self)->wal_committed_(pages);
        return SQLITE_OK;
      },
      this);
}

Result<int> SqliteConnection::checkpoint_passive() {
  int log_pages = 0;
  int copied = 0;
  int code = sqlite3_wal_checkpoint_v2(db_, "main", SQLITE_CHECKPOINT_PASSIVE, &log_pages, &copied);
  // Busy: another connection is checkpointing right now, which does the same work.
  if (code == SQLITE_BUSY) return 0;
  if (code != SQLITE_OK) return error_from(code, "checkpoint");
  return log_pages - copied;
}

Error SqliteConnection::error_from(int code, std::string_view context) const {
  std::string detail = fmt::format("sqlite: {} ({}) in: {}", sqlite3_errmsg(db_), code, context);
  int primary = code & 0xff;
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY ||
      code == SQLITE_CONSTRAINT_FOREIGNKEY || code == SQLITE_CONSTRAINT_NOTNULL ||
      code == SQLITE_CONSTRAINT_CHECK) {
    Error error(ErrorCode::conflict, Text{"Data bertentangan dengan data yang sudah ada.",
                                          "The data conflicts with what is already stored."});
    return error.with_log_detail(detail);
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_IOERR ||
      primary == SQLITE_FULL || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY) {
    Error error(ErrorCode::unavailable, Text{"Basis data sedang tidak dapat melayani.",
                                             "The database cannot serve right now."});
    return error.with_log_detail(detail);
  }
  return Error::internal(detail);
}

Result<sql::SqlRows> SqliteConnection::query(std::string_view sql, const std::vector<sql::SqlValue>& params) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    Prepared prepared;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &prepared.statement, nullptr);
    if (rc != SQLITE_OK) return error_from(rc, sql);
    // Parameters are named $1..$N so the same SQL text runs on PostgreSQL.
    const int count = sqlite3_bind_parameter_count(prepared.statement);
    for (int index = 1; index <= count; ++index) {
      const char* name = sqlite3_bind_parameter_name(prepared.statement, index);
      if (!name || name[0] != '$') continue;
      std::size_t number = 0;
      std::string_view digits(name + 1);
      auto [end, parsed] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
      if (parsed != std::errc() || end != digits.data() + digits.size() || number == 0 || number > 32766) continue;
      if (prepared.slots.size() < number) prepared.slots.resize(number, 0);
      prepared.slots[number - 1] = index;
    }
    found = statements_.emplace(std::string(sql), std::move(prepared)).first;
  }
  sqlite3_stmt* statement = found->second.statement;
  const auto& slots = found->second.slots;
  for (std::size_t i = 0; i < params.size(); ++i) {
    int index = i < slots.size() ? slots[i] : 0;
    if (index == 0) continue;
    const auto& value = params[i];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(value)) {
      rc = sqlite3_bind_null(statement, index);
    } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
      rc = sqlite3_bind_int64(statement, index, *number);
    } else if (const auto* real = std::get_if<double>(&value)) {
      rc = sqlite3_bind_double(statement, index, *real);
    } else {
      const auto& text = std::get<std::string>(value);
      rc = sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) {
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
      return error_from(rc, sql);
    }
  }
  sql::SqlRows result;
  int columns = sqlite3_column_count(statement);
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    std::vector<std::optional<std::string>> row(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (sqlite3_column_type(statement, c) == SQLITE_NULL) continue;
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
      row[static_cast<std::size_t>(c)] = std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, c)));
    }
    result.rows.push_back(std::move(row));
  }
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  if (rc != SQLITE_DONE) return error_from(sqlite3_extended_errcode(db_), sql);
  return result;
}

Result<void> SqliteConnection::execute_script(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (message) sqlite3_free(message);
  if (rc != SQLITE_OK) return error_from(sqlite3_extended_errcode(db_), sql.substr(0, 200));
  return {};
}

}  // namespace sigap::storage::sqlite
