#include "storage/sql/sql_connection.hpp"

#include <charconv>

namespace sigap::storage::sql {

std::string text_at(const std::vector<std::optional<std::string>>& row, std::size_t column) {
  return row.at(column).value_or(std::string());
}

std::int64_t int_at(const std::vector<std::optional<std::string>>& row, std::size_t column) {
  const auto& value = row.at(column);
  std::int64_t number = 0;
  if (value) std::from_chars(value->data(), value->data() + value->size(), number);
  return number;
}

std::optional<double> double_at(const std::vector<std::optional<std::string>>& row, std::size_t column) {
  const auto& value = row.at(column);
  if (!value) return std::nullopt;
  double number = 0;
  auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (ec != std::errc()) return std::nullopt;
  return number;
}

SqlValue text_or_null(const std::string& text) {
  if (text.empty()) return std::monostate{};
  return text;
}

}  // namespace sigap::storage::sql
