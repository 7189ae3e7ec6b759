#include "storage/postgres/pg_backup.hpp"

#include <sstream>

#include <fmt/format.h>

#include "storage/backup_file.hpp"
#include "storage/database_contents.hpp"
#include "storage/migrations/migrations.hpp"
#include "storage/postgres/pg_backend.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/pg_tool.hpp"

namespace sigap::storage::postgres {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTablesSql =
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";

RunQuery runner(PgConnection& connection) {
  return [&connection](std::string_view text) { return connection.query(text, {}); };
}

Error tool_failed(std::string_view program, const ToolOutcome& outcome) {
  return Error(ErrorCode::internal,
               Text{fmt::format("{} gagal (status {}): {}", program, outcome.status, outcome.last_message),
                    fmt::format("{} failed (status {}): {}", program, outcome.status, outcome.last_message)});
}

/// The items of a pg_restore --list table of contents, and whether it is Sigap's.
struct ArchiveContents {
  std::int64_t items = 0;
  bool sigap = false;
};

ArchiveContents read_table_of_contents(const std::string& listing) {
  ArchiveContents contents;
  bool migrations = false, complaints = false;
  std::istringstream lines(listing);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line.starts_with(';')) continue;
    ++contents.items;
    // "215; 1259 16390 TABLE public complaints sigap"
    std::istringstream words(line);
    std::string id, catalog, oid, type, schema, name;
    words >> id >> catalog >> oid >> type >> schema >> name;
    if (type == "TABLE" && schema == "public") {
      migrations = migrations || name == "schema_migrations";
      complaints = complaints || name == "complaints";
    }
  }
  contents.sigap = migrations && complaints;
  return contents;
}

}  // namespace

Result<BackupReport> backup_postgres(const std::string& url, const fs::path& file, const BackupOptions& options) {
  auto tool = tool_connection(url);
  if (!tool) return tool.error();
  auto connection = PgConnection::connect(url);
  if (!connection) return connection.error();
  auto contents = read_database_contents(runner(**connection), kTablesSql);
  if (!contents) return contents.error();
  if (!contents->sigap_schema) {
    return Error(ErrorCode::validation, Text{fmt::format("{} bukan basis data Sigap.", redact_url(url)),
                                             fmt::format("{} is not a Sigap database", redact_url(url))});
  }
  connection->reset();
  auto pending = PendingBackupFile::create(file, options.force);
  if (!pending) return pending.error();
  auto total = static_cast<std::int64_t>(contents->tables.size());
  std::int64_t done = 0;
  auto outcome = run_tool({"pg_dump", "--format=custom", "--verbose", "--no-password", "--dbname=" + tool->conninfo},
                          tool->environment, (*pending)->fd(), [&](std::string_view line) {
                            // "pg_dump: dumping contents of table "public.complaints""
                            if (line.find("dumping contents of table") == std::string_view::npos) return;
                            done = std::min(done + 1, total);
                            if (options.progress) options.progress(done, total);
                          });
  if (!outcome) return outcome.error();
  if (outcome->status != 0) return tool_failed("pg_dump", *outcome);
  if (options.progress) options.progress(total, total);
  auto bytes = (*pending)->commit();
  if (!bytes) return bytes.error();
  BackupReport report;
  report.engine = "postgres";
  report.bytes = *bytes;
  report.schema_version = contents->schema_version;
  return report;
}

Result<RestoreReport> restore_postgres(const fs::path& file, const std::string& url, const RestoreOptions& options) {
  auto kind = backup_file_kind(file);
  if (!kind) return kind.error();
  if (*kind == BackupFileKind::sqlite) {
    return Error(ErrorCode::validation,
                 Text{fmt::format("{} adalah cadangan SQLite; pulihkan ke basis data sqlite: (--db sqlite:PATH atau "
                                  "--data-dir).",
                                  file.string()),
                      fmt::format("{} is an SQLite backup; restore it into an sqlite: database (--db sqlite:PATH or "
                                  "--data-dir)",
                                  file.string())});
  }
  auto not_sigap = [&] {
    return Error(ErrorCode::validation, Text{fmt::format("{} bukan cadangan Sigap.", file.string()),
                                             fmt::format("{} is not a Sigap backup", file.string())});
  };
  if (*kind != BackupFileKind::postgres) return not_sigap();
  auto listing = run_tool({"pg_restore", "--list", file.string()}, {}, -1, nullptr);
  if (!listing) return listing.error();
  if (listing->status != 0) return not_sigap().with_log_detail(listing->last_message);
  auto archive = read_table_of_contents(listing->out);
  if (!archive.sigap) return not_sigap();

  auto tool = tool_connection(url);
  if (!tool) return tool.error();
  auto connection = PgConnection::connect(url);
  if (!connection) return connection.error();
  auto existing = read_database_contents(runner(**connection), kTablesSql);
  if (!existing) return existing.error();
  if (!existing->empty() && !options.force) {
    return Error(
        ErrorCode::conflict,
        Text{fmt::format("{} sudah berisi data ({}); pulihkan ke basis data baru atau tambahkan --force untuk "
                         "menggantinya.",
                         redact_url(url), existing->describe()),
             fmt::format("{} already holds data ({}); restore into a new database or add --force to replace it",
                         redact_url(url), existing->describe())});
  }
  // What is there goes: a schema left by `sigap migrate`, or, with --force, the data.
  auto clear = [&]() -> Result<void> {
    return (*connection)->execute_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  };
  if (!existing->tables.empty()) {
    if (auto cleared = clear(); !cleared) return cleared.error();
  }

  std::int64_t done = 0;
  auto outcome = run_tool({"pg_restore", "--verbose", "--no-owner", "--no-privileges", "--exit-on-error",
                           "--single-transaction", "--no-password", "--dbname=" + tool->conninfo, file.string()},
                          tool->environment, -1, [&](std::string_view line) {
                            // "pg_restore: creating TABLE "public.complaints"", "pg_restore:
                            // processing data for table "public.complaints"", ...
                            if (line.find("creating ") == std::string_view::npos &&
                                line.find("processing data") == std::string_view::npos) {
                              return;
                            }
                            done = std::min(done + 1, archive.items);
                            if (options.progress) options.progress(done, archive.items);
                          });
  if (!outcome) return outcome.error();
  if (outcome->status != 0) return tool_failed("pg_restore", *outcome);
  if (options.progress) options.progress(archive.items, archive.items);

  auto restored = read_database_contents(runner(**connection), kTablesSql);
  if (!restored) return restored.error();
  int latest = migrations::postgres_migrations().empty() ? 0 : migrations::postgres_migrations().back().version;
  if (restored->schema_version > latest) {
    (void)clear();
    return Error(ErrorCode::validation,
                 Text{fmt::format("{} berasal dari Sigap yang lebih baru (skema versi {}, program ini sampai {}).",
                                  file.string(), restored->schema_version, latest),
                      fmt::format("{} comes from a newer Sigap (schema version {}, this sigap knows up to {})",
                                  file.string(), restored->schema_version, latest)});
  }
  connection->reset();

  // The migrations run as when `sigap serve` connects (under its advisory lock).
  auto backend = PostgresBackend::open(url, 1);
  if (!backend) return backend.error();
  auto figures =
      (*backend)->read("SELECT (SELECT MAX(version) FROM schema_migrations), (SELECT COUNT(*) FROM complaints)", {});
  if (!figures) return figures.error();
  RestoreReport report;
  report.engine = "postgres";
  report.version_in_backup = restored->schema_version;
  report.version_after = static_cast<int>(sql::int_at(figures->rows.at(0), 0));
  report.complaints = sql::int_at(figures->rows.at(0), 1);
  return report;
}

}  // namespace sigap::storage::postgres
