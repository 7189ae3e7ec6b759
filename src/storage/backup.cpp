#include "storage/backup.hpp"

#include "storage/sqlite/sqlite_backup.hpp"
#ifdef SIGAP_WITH_POSTGRES
#include "storage/postgres/pg_backup.hpp"
#endif

namespace sigap::storage {

namespace {

[[maybe_unused]] Error built_without_postgres() {
  return Error(ErrorCode::unavailable,
               Text{"sigap ini dibangun tanpa PostgreSQL.", "this sigap was built without PostgreSQL."});
}

}  // namespace

Result<BackupReport> backup_database(const DatabaseUrl& url, const std::filesystem::path& file,
                                     const BackupOptions& options) {
  if (url.kind == DatabaseUrl::Kind::sqlite) return sqlite::backup_sqlite(url.target, file, options);
#ifdef SIGAP_WITH_POSTGRES
  return postgres::backup_postgres(url.target, file, options);
#else
  return built_without_postgres();
#endif
}

Result<RestoreReport> restore_database(const DatabaseUrl& url, const std::filesystem::path& file,
                                       const RestoreOptions& options) {
  if (url.kind == DatabaseUrl::Kind::sqlite) return sqlite::restore_sqlite(file, url.target, options);
#ifdef SIGAP_WITH_POSTGRES
  return postgres::restore_postgres(file, url.target, options);
#else
  return built_without_postgres();
#endif
}

}  // namespace sigap::storage
