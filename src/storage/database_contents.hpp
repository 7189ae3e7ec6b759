#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "storage/sql/sql_connection.hpp"

// What a database holds, as far as `sigap backup` and `sigap restore` care: whether it is
// Sigap's, at which schema version, and whether anything a person entered is in it.
namespace sigap::storage {

struct DatabaseContents {
  std::vector<std::string> tables;  // the user tables (not the engine's own)
  bool sigap_schema = false;        // schema_migrations and complaints are there
  int schema_version = 0;
  std::int64_t complaints = 0;
  std::int64_t users = 0;
  std::int64_t units = 0;
  std::int64_t regions = 0;

  /// No tables at all, or Sigap's schema holding no complaint, account, unit or region (what
  /// `sigap migrate` leaves): a restore may fill it without --force.
  [[nodiscard]] bool empty() const;
  /// "1,234 complaints, 5 accounts, 130 units, 127 regions", or "12 tables that are not Sigap's".
  [[nodiscard]] std::string describe() const;
};

/// Runs one SQL statement without parameters on the database looked at.
using RunQuery = std::function<Result<sql::SqlRows>(std::string_view sql)>;

/// Reads the contents; `tables_sql` lists the user tables' names, one per row, in the engine's
/// catalog.
Result<DatabaseContents> read_database_contents(const RunQuery& query, std::string_view tables_sql);

}  // namespace sigap::storage
