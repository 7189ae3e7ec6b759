#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/error.hpp"

namespace sigap::storage::sql {

/// A statement parameter. SQL text names parameters $1, $2, ... on both backends.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/// Rows as text (NULL = nullopt): both drivers give every value as text, and the repositories
/// convert with the helpers below.
struct SqlRows {
  std::vector<std::vector<std::optional<std::string>>> rows;

  [[nodiscard]] bool empty() const { return rows.empty(); }
  [[nodiscard]] std::size_t size() const { return rows.size(); }
};

std::string text_at(const std::vector<std::optional<std::string>>& row, std::size_t column);
std::int64_t int_at(const std::vector<std::optional<std::string>>& row, std::size_t column);
std::optional<double> double_at(const std::vector<std::optional<std::string>>& row, std::size_t column);

/// Empty text as NULL: optional foreign keys are stored as NULL, read back as "".
SqlValue text_or_null(const std::string& text);

/// One open database connection, used by one thread at a time. Driver errors come back as
/// neutral codes: a unique or foreign-key violation is `conflict`, a lost connection
/// `unavailable`, anything else `internal` with the driver's message as log detail.
class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  /// Runs one statement with parameters and returns its rows (if any).
  virtual Result<SqlRows> query(std::string_view sql, const std::vector<SqlValue>& params) = 0;
  /// Runs a script of several statements without parameters (migrations).
  virtual Result<void> execute_script(std::string_view sql) = 0;
};

}  // namespace sigap::storage::sql
