#include "storage/sqlite/sqlite_backup.hpp"

#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <sqlite3.h>

#include "storage/backup_file.hpp"
#include "storage/database_contents.hpp"
#include "storage/migrations/migrations.hpp"
#include "storage/sqlite/sqlite_backend.hpp"

namespace sigap::storage::sqlite {

namespace fs = std::filesystem;

namespace {

// Pages copied per step of the backup API (4 MiB at SQLite's default page size): small enough
// for a lively progress bar, large enough that the steps cost nothing extra.
constexpr int kPagesPerStep = 1024;
constexpr int kBusyTimeoutMs = 5000;
// How long a step may keep meeting a lock before the copy gives up.
constexpr std::chrono::seconds kLockedFor{30};
constexpr std::string_view kTablesSql =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";

/// A raw connection: the backup API works on sqlite3 handles, not on SqliteConnection.
class Handle {
 public:
  static Result<Handle> open(const std::string& path, int flags) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    Handle handle(db);
    if (rc != SQLITE_OK) {
      std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      return Error(ErrorCode::unavailable, Text{fmt::format("Basis data SQLite {} tidak dapat dibuka: {}", path, why),
                                                fmt::format("cannot open the SQLite database {}: {}", path, why)});
    }
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);
    return handle;
  }
  Handle(Handle&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  Handle& operator=(Handle&&) = delete;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { sqlite3_close_v2(db_); }

  [[nodiscard]] sqlite3* get() const { return db_; }

  /// One statement without parameters; every value as text.
  Result<sql::SqlRows> query(std::string_view text) const {
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(db_, text.data(), static_cast<int>(text.size()), &statement, nullptr);
    sql::SqlRows rows;
    while (rc == SQLITE_OK) {
      rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
        break;
      }
      if (rc != SQLITE_ROW) break;
      auto& row = rows.rows.emplace_back();
      for (int i = 0; i < sqlite3_column_count(statement); ++i) {
        const auto* value = sqlite3_column_text(statement, i);
        row.push_back(value ? std::optional<std::string>(reinterpret_cast<const char*>(value)) : std::nullopt);
      }
      rc = SQLITE_OK;
    }
    sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return failure(text);
    return rows;
  }

  [[nodiscard]] Error failure(std::string_view context) const {
    return Error::internal(fmt::format("sqlite: {} in: {}", sqlite3_errmsg(db_), context));
  }

 private:
  explicit Handle(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

/// "file:/path/to/backup?immutable=1", the path escaped as a URI wants it.
std::string immutable_uri(const fs::path& file) {
  std::string uri = "file:";
  for (char c : fs::absolute(file).string()) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

RunQuery runner(const Handle& handle) {
  return [&handle](std::string_view text) { return handle.query(text); };
}

Error copy_failed(std::string_view what, const Error& cause) {
  return Error(ErrorCode::internal,
               Text{fmt::format("Penyalinan gagal ({}).", what), fmt::format("the copy failed ({})", what)})
      .with_log_detail(cause.log_detail());
}

/// Copies every page of `source` into `destination` with the backup API, reporting progress.
/// The destination is written in one transaction, committed at the end.
Result<void> copy_pages(const Handle& source, const Handle& destination, const BackupProgress& progress) {
  sqlite3_backup* backup = sqlite3_backup_init(destination.get(), "main", source.get(), "main");
  if (!backup) return destination.failure("sqlite3_backup_init");
  auto locked_since = std::chrono::steady_clock::time_point{};
  int rc = SQLITE_OK;
  for (;;) {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    if (rc == SQLITE_OK || rc == SQLITE_DONE) {
      locked_since = {};
      int total = sqlite3_backup_pagecount(backup);
      if (progress) progress(total - sqlite3_backup_remaining(backup), total);
      if (rc == SQLITE_DONE) break;
      continue;
    }
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      auto now = std::chrono::steady_clock::now();
      if (locked_since == std::chrono::steady_clock::time_point{}) locked_since = now;
      if (now - locked_since < kLockedFor) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        continue;
      }
    }
    break;
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return Error::internal(fmt::format("sqlite backup step: {} ({})", sqlite3_errstr(rc), rc));
  }
  return {};
}

Result<void> expect_ok(const Handle& handle, std::string_view pragma) {
  auto rows = handle.query(pragma);
  if (!rows) return rows.error();
  if (rows->rows.empty() || sql::text_at(rows->rows.front(), 0) != "ok") {
    return Error::internal(
        fmt::format("{} found: {}", pragma, rows->rows.empty() ? "" : sql::text_at(rows->rows[0], 0)));
  }
  return {};
}

}  // namespace

Result<BackupReport> backup_sqlite(const std::string& database_path, const fs::path& file,
                                   const BackupOptions& options) {
  std::error_code ec;
  if (!fs::is_regular_file(database_path, ec)) {
    return Error(ErrorCode::not_found, Text{fmt::format("Tidak ada basis data SQLite di {}.", database_path),
                                            fmt::format("there is no SQLite database at {}", database_path)});
  }
  // Read-write (never created): a read-only connection cannot always join a WAL database.
  auto source = Handle::open(database_path, SQLITE_OPEN_READWRITE);
  if (!source) return source.error();
  auto contents = read_database_contents(runner(*source), kTablesSql);
  if (!contents) {
    return Error(ErrorCode::validation, Text{fmt::format("{} bukan basis data SQLite yang terbaca.", database_path),
                                             fmt::format("{} is not a readable SQLite database", database_path)})
        .with_log_detail(contents.error().log_detail());
  }
  if (!contents->sigap_schema) {
    return Error(ErrorCode::validation, Text{fmt::format("{} bukan basis data Sigap.", database_path),
                                             fmt::format("{} is not a Sigap database", database_path)});
  }
  auto pending = PendingBackupFile::create(file, options.force);
  if (!pending) return pending.error();
  auto destination = Handle::open((*pending)->path().string(), SQLITE_OPEN_READWRITE);
  if (!destination) return destination.error();

  // One read snapshot for the whole copy. Without it SQLite would start the copy over after
  // every commit of the server (another connection's write restarts a backup), and under steady
  // intake it would never end. The server's writes go on into the WAL meanwhile.
  auto begun = source->query("BEGIN");
  if (begun) begun = source->query("SELECT COUNT(*) FROM sqlite_master");
  if (!begun) return copy_failed("read snapshot", begun.error());
  auto copied = copy_pages(*source, *destination, options.progress);
  (void)source->query("COMMIT");
  if (!copied) return copy_failed("pages", copied.error());

  // The copy carries the WAL flag of the source; a backup is better as one self-contained file.
  if (auto mode = destination->query("PRAGMA journal_mode = DELETE"); !mode)
    return copy_failed("journal mode", mode.error());
  if (auto checked = expect_ok(*destination, "PRAGMA quick_check"); !checked)
    return copy_failed("check", checked.error());
  auto copy_contents = read_database_contents(runner(*destination), kTablesSql);
  if (!copy_contents) return copy_failed("contents", copy_contents.error());
  { auto closing = std::move(*destination); }

  auto bytes = (*pending)->commit();
  if (!bytes) return bytes.error();
  BackupReport report;
  report.engine = "sqlite";
  report.bytes = *bytes;
  report.schema_version = copy_contents->schema_version;
  report.complaints = copy_contents->complaints;
  return report;
}

Result<RestoreReport> restore_sqlite(const fs::path& file, const std::string& database_path,
                                     const RestoreOptions& options) {
  auto kind = backup_file_kind(file);
  if (!kind) return kind.error();
  if (*kind == BackupFileKind::postgres) {
    return Error(ErrorCode::validation,
                 Text{fmt::format("{} adalah cadangan PostgreSQL (pg_dump); pulihkan ke basis data postgres:// (--db).",
                                  file.string()),
                      fmt::format("{} is a PostgreSQL backup (pg_dump); restore it into a postgres:// database (--db)",
                                  file.string())});
  }
  auto not_sigap = [&] {
    return Error(ErrorCode::validation, Text{fmt::format("{} bukan cadangan Sigap.", file.string()),
                                             fmt::format("{} is not a Sigap backup", file.string())});
  };
  if (*kind != BackupFileKind::sqlite) return not_sigap();
  // Immutable: nothing is written beside the backup (no -shm or -wal), and a file still marked
  // for WAL (a copy of a stopped server's database) opens all the same.
  auto source = Handle::open(immutable_uri(file), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
  if (!source) return not_sigap().with_log_detail(source.error().message().en);
  auto contents = read_database_contents(runner(*source), kTablesSql);
  if (!contents || !contents->sigap_schema) return not_sigap();
  int latest = migrations::sqlite_migrations().empty() ? 0 : migrations::sqlite_migrations().back().version;
  if (contents->schema_version > latest) {
    return Error(ErrorCode::validation,
                 Text{fmt::format("{} berasal dari Sigap yang lebih baru (skema versi {}, program ini sampai {}).",
                                  file.string(), contents->schema_version, latest),
                      fmt::format("{} comes from a newer Sigap (schema version {}, this sigap knows up to {})",
                                  file.string(), contents->schema_version, latest)});
  }
  if (auto checked = expect_ok(*source, "PRAGMA quick_check"); !checked) {
    return Error(ErrorCode::validation, Text{fmt::format("{} rusak: pemeriksaan SQLite gagal.", file.string()),
                                             fmt::format("{} is damaged: SQLite's check fails", file.string())})
        .with_log_detail(checked.error().log_detail());
  }

  std::error_code ec;
  if (auto parent = fs::path(database_path).parent_path(); !parent.empty()) fs::create_directories(parent, ec);
  auto target = Handle::open(database_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!target) return target.error();
  auto existing = read_database_contents(runner(*target), kTablesSql);
  if (!existing) return existing.error();
  if (!existing->empty() && !options.force) {
    return Error(
        ErrorCode::conflict,
        Text{fmt::format("sqlite:{} sudah berisi data ({}); pulihkan ke basis data baru atau tambahkan --force "
                         "untuk menggantinya.",
                         database_path, existing->describe()),
             fmt::format("sqlite:{} already holds data ({}); restore into a new database or add --force to "
                         "replace it",
                         database_path, existing->describe())});
  }
  if (auto copied = copy_pages(*source, *target, options.progress); !copied)
    return copy_failed("pages", copied.error());
  if (auto mode = target->query("PRAGMA journal_mode = WAL"); !mode) return copy_failed("journal mode", mode.error());
  { auto closing = std::move(*target); }

  // The migrations run as when `sigap serve` opens the database.
  auto backend = SqliteBackend::open(database_path, 1);
  if (!backend) return backend.error();
  auto figures =
      (*backend)->read("SELECT (SELECT MAX(version) FROM schema_migrations), (SELECT COUNT(*) FROM complaints)", {});
  if (!figures) return figures.error();
  RestoreReport report;
  report.engine = "sqlite";
  report.version_in_backup = contents->schema_version;
  report.version_after = static_cast<int>(sql::int_at(figures->rows.at(0), 0));
  report.complaints = sql::int_at(figures->rows.at(0), 1);
  return report;
}

}  // namespace sigap::storage::sqlite
