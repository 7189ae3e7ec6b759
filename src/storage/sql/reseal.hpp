#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "storage/sql/personal_data.hpp"
#include "storage/sql/sql_connection.hpp"

namespace sigap::storage::sql {

/// Every column that holds sealed personal data, in one list: a new sealed column is added
/// here, or key rotation leaves it under the old key (the rotation contract test reads the whole
/// database for old-key values).
struct SealedColumns {
  std::string_view table;
  std::string_view key;  // the primary key column
  std::vector<std::string_view> columns;
};
const std::vector<SealedColumns>& sealed_columns();

/// Seals again, under the current key, every sealed value not sealed with it, inside the caller's
/// transaction. Returns how many rows changed. A value that does not open is an error (nothing
/// is copied along damaged).
Result<std::size_t> reseal_all(SqlConnection& connection, const PersonalDataSealer& sealer);

}  // namespace sigap::storage::sql
