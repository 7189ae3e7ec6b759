#include "storage/migrations/migrations.hpp"

#include <array>

#include "storage/migrations/migration_files.hpp"

namespace sigap::storage::migrations {

std::span<const Migration> sqlite_migrations() {
  static const std::array<Migration, 1> list{{
      {1, "master_data", sqlite_0001_master_data()},
  }};
  return list;
}

std::span<const Migration> postgres_migrations() {
  static const std::array<Migration, 1> list{{
      {1, "master_data", postgres_0001_master_data()},
  }};
  return list;
}

}  // namespace sigap::storage::migrations
