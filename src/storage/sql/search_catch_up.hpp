#pragma once

#include <cstddef>

#include "common/error.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

/// Adds to SQLite's full-text index (complaints_search) the complaints stored after
/// search_state.indexed_up_to, in one write transaction, and moves the mark (migration 0009:
/// batches instead of a trigger per intake). Nothing to do costs one read and no write.
/// PostgreSQL indexes as it writes: 0 there. Returns how many complaints were added.
Result<std::size_t> catch_up_search(SqlBackend& backend);

}  // namespace sigap::storage::sql
