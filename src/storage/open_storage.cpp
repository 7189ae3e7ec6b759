#include "storage/open_storage.hpp"

#include "storage/sql/sql_storage.hpp"
#include "storage/sqlite/sqlite_backend.hpp"
#ifdef SIGAP_WITH_POSTGRES
#include "storage/postgres/pg_backend.hpp"
#endif

namespace sigap::storage {

Result<std::unique_ptr<app::ports::Storage>> open_storage(const DatabaseUrl& url, const StorageOptions& options) {
  auto sealer = sql::PersonalDataSealer::create(options.keyring);
  if (!sealer) return sealer.error();
  std::unique_ptr<sql::SqlBackend> backend;
  if (url.kind == DatabaseUrl::Kind::sqlite) {
    sqlite::SqliteBackend::limit_memory(options.sqlite_memory_bytes);
    auto opened = sqlite::SqliteBackend::open(url.target, options.connections);
    if (!opened) return opened.error();
    backend = std::move(*opened);
  } else {
#ifdef SIGAP_WITH_POSTGRES
    auto opened = postgres::PostgresBackend::open(url.target, options.connections);
    if (!opened) return opened.error();
    backend = std::move(*opened);
#else
    return Error(ErrorCode::unavailable, Text{"sigap ini dibangun tanpa PostgreSQL.",
                                              "this sigap was built without PostgreSQL."});
#endif
  }
  return std::unique_ptr<app::ports::Storage>(std::make_unique<sql::SqlStorage>(std::move(backend), std::move(*sealer)));
}

}  // namespace sigap::storage
