#include "storage/migrations/migrator.hpp"

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace sigap::storage::migrations {

Result<MigrationReport> migrate(sql::SqlConnection& connection, std::span<const Migration> migrations) {
  auto created = connection.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  if (!created) return created.error();
  auto current = connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {});
  if (!current) return current.error();
  MigrationReport report;
  report.version_before = static_cast<int>(sql::int_at(current->rows.at(0), 0));
  report.version_after = report.version_before;
  int latest = migrations.empty() ? 0 : migrations.back().version;
  if (report.version_before > latest) {
    return Error(ErrorCode::conflict,
                 Text{fmt::format("Skema basis data versi {} lebih baru daripada program ini (paling tinggi {}). "
                                  "Gunakan sigap yang lebih baru.",
                                  report.version_before, latest),
                      fmt::format("The database schema is at version {}, newer than this sigap knows (up to {}). "
                                  "Run a newer sigap.",
                                  report.version_before, latest)});
  }
  for (const auto& migration : migrations) {
    if (migration.version <= report.version_before) continue;
    auto work = [&]() -> Result<void> {
      if (auto applied = connection.execute_script(migration.sql); !applied) return applied.error();
      auto recorded = connection.query(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
          {static_cast<std::int64_t>(migration.version), std::string(migration.name),
           fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()))});
      if (!recorded) return recorded.error();
      return {};
    };
    if (auto begun = connection.execute_script("BEGIN"); !begun) return begun.error();
    auto applied = work();
    if (!applied) {
      (void)connection.execute_script("ROLLBACK");
      auto error = applied.error();
      return error.with_log_detail(fmt::format("migration {} ({}): {}", migration.version, migration.name,
                                               applied.error().log_detail()));
    }
    if (auto committed = connection.execute_script("COMMIT"); !committed) return committed.error();
    report.version_after = migration.version;
  }
  return report;
}

}  // namespace sigap::storage::migrations
