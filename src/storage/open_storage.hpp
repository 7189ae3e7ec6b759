#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "app/ports/storage.hpp"
#include "crypto/keyring.hpp"
#include "storage/database_url.hpp"

namespace sigap::storage {

struct StorageOptions {
  std::size_t connections = 4;  // SQLite readers, or PostgreSQL pool size
  /// Seals personal data at rest (required; see crypto/keyring.hpp for where it comes from).
  std::shared_ptr<const crypto::Keyring> keyring;
  /// SQLite only: a soft bound on SQLite's memory in bytes, all connections of the process
  /// together (almost all of it page cache); 0 = none. See SqliteBackend::limit_memory.
  std::int64_t sqlite_memory_bytes = 0;
};

/// Opens the database named by `url`, applies pending migrations, and returns it ready.
/// Errors: `unavailable` (cannot open or connect), `conflict` (schema newer than the code).
Result<std::unique_ptr<app::ports::Storage>> open_storage(const DatabaseUrl& url, const StorageOptions& options);

}  // namespace sigap::storage
