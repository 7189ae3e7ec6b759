#include "storage/database_contents.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace sigap::storage {

namespace {

bool has(const std::vector<std::string>& tables, std::string_view name) {
  return std::find(tables.begin(), tables.end(), name) != tables.end();
}

std::string grouped(std::int64_t number) {
  auto digits = std::to_string(number);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

bool DatabaseContents::empty() const {
  if (tables.empty()) return true;
  return sigap_schema && complaints == 0 && users == 0 && units == 0 && regions == 0;
}

std::string DatabaseContents::describe() const {
  if (!sigap_schema) return fmt::format("{} tables that are not Sigap's", tables.size());
  return fmt::format("{} complaints, {} accounts, {} units, {} regions", grouped(complaints), grouped(users),
                     grouped(units), grouped(regions));
}

Result<DatabaseContents> read_database_contents(const RunQuery& query, std::string_view tables_sql) {
  DatabaseContents contents;
  auto tables = query(tables_sql);
  if (!tables) return tables.error();
  for (const auto& row : tables->rows) contents.tables.push_back(sql::text_at(row, 0));
  contents.sigap_schema = has(contents.tables, "schema_migrations") && has(contents.tables, "complaints");
  if (!contents.sigap_schema) return contents;
  auto version = query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!version) return version.error();
  contents.schema_version = static_cast<int>(sql::int_at(version->rows.at(0), 0));
  for (auto [table, count] : {std::pair{"complaints", &contents.complaints}, std::pair{"users", &contents.users},
                              std::pair{"units", &contents.units}, std::pair{"regions", &contents.regions}}) {
    if (!has(contents.tables, table)) continue;
    auto rows = query(fmt::format("SELECT COUNT(*) FROM {}", table));
    if (!rows) return rows.error();
    *count = sql::int_at(rows->rows.at(0), 0);
  }
  return contents;
}

}  // namespace sigap::storage
