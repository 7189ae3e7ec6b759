#pragma once

#include <span>
#include <string_view>

namespace sigap::storage::migrations {

/// One numbered schema change. Versions start at 1 and have no gaps; a released migration is
/// never edited, only followed by a new one.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

/// The migrations of each backend (src/storage/migrations/<backend>/NNNN_name.sql, embedded at
/// build time), in version order.
std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();

}  // namespace sigap::storage::migrations
