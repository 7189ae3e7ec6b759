#include "storage/sql/sql_master_data.hpp"

#include "domain/master_data/region_code.hpp"

namespace sigap::storage::sql {

namespace dm = domain::master_data;
using Row = std::vector<std::optional<std::string>>;

namespace {

constexpr std::string_view kRegionColumns = "SELECT code, COALESCE(parent_code, ''), name, level FROM regions ";
constexpr std::string_view kUnitColumns =
    "SELECT id, code, type, name, COALESCE(parent_code, ''), COALESCE(region_code, ''), service_hours, "
    "latitude, longitude, time_zone FROM units ";
constexpr std::string_view kCategoryColumns =
    "SELECT id, code, name_id, name_en, description_id, default_unit_code, keywords, field_work FROM categories ";

std::string sql(std::string_view columns, std::string_view rest) {
  std::string text(columns);
  text += rest;
  return text;
}

dm::Region region_from(const Row& row) {
  dm::Region region;
  region.code = text_at(row, 0);
  region.parent_code = text_at(row, 1);
  region.name = text_at(row, 2);
  auto level = dm::region_level_from_string(text_at(row, 3), "level");
  region.level = level ? *level : dm::RegionLevel::province;
  return region;
}

dm::Unit unit_from(const Row& row) {
  dm::Unit unit;
  unit.id = int_at(row, 0);
  unit.code = text_at(row, 1);
  auto type = dm::unit_type_from_string(text_at(row, 2), "type");
  unit.type = type ? *type : dm::UnitType::agency;
  unit.name = text_at(row, 3);
  unit.parent_code = text_at(row, 4);
  unit.region_code = text_at(row, 5);
  auto hours = dm::parse_service_hours(text_at(row, 6), "service_hours");
  if (hours) unit.service_hours = *hours;
  auto latitude = double_at(row, 7);
  auto longitude = double_at(row, 8);
  if (latitude && longitude) unit.office_location = dm::GeoPoint{*latitude, *longitude};
  unit.time_zone = text_at(row, 9);
  return unit;
}

std::string join_keywords(const std::vector<std::string>& keywords) {
  std::string joined;
  for (const auto& keyword : keywords) {
    if (!joined.empty()) joined += '|';
    joined += keyword;
  }
  return joined;
}

dm::Category category_from(const Row& row) {
  dm::Category category;
  category.id = int_at(row, 0);
  category.code = text_at(row, 1);
  category.name_id = text_at(row, 2);
  category.name_en = text_at(row, 3);
  category.description_id = text_at(row, 4);
  category.default_unit_code = text_at(row, 5);
  std::string_view keywords = row.at(6) ? std::string_view(*row[6]) : std::string_view();
  while (!keywords.empty()) {
    auto bar = keywords.find('|');
    category.keywords.emplace_back(keywords.substr(0, bar));
    keywords = bar == std::string_view::npos ? "" : keywords.substr(bar + 1);
  }
  category.field_work = int_at(row, 7) != 0;
  return category;
}

constexpr std::string_view kInsertUnit =
    "INSERT INTO units (code, type, name, parent_code, region_code, service_hours, latitude, longitude, time_zone) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ";
constexpr std::string_view kInsertCategory =
    "INSERT INTO categories (code, name_id, name_en, description_id, default_unit_code, keywords, field_work) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ";

std::vector<SqlValue> unit_params(const dm::Unit& unit) {
  SqlValue latitude, longitude;
  if (unit.office_location) {
    latitude = unit.office_location->latitude;
    longitude = unit.office_location->longitude;
  }
  return {unit.code, std::string(dm::to_string(unit.type)), unit.name, text_or_null(unit.parent_code),
          text_or_null(unit.region_code), dm::format_service_hours(unit.service_hours), latitude, longitude,
          unit.time_zone};
}

std::vector<SqlValue> category_params(const dm::Category& category) {
  return {category.code, category.name_id, category.name_en, category.description_id, category.default_unit_code,
          join_keywords(category.keywords), std::int64_t{category.field_work}};
}

template <typename T, typename Convert>
Result<std::vector<T>> all_of(Result<SqlRows> rows, Convert convert) {
  if (!rows) return rows.error();
  std::vector<T> out;
  out.reserve(rows->size());
  for (const auto& row : rows->rows) out.push_back(convert(row));
  return out;
}

template <typename T, typename Convert>
Result<std::optional<T>> first_of(Result<SqlRows> rows, Convert convert) {
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<T>();
  return std::optional<T>(convert(rows->rows.front()));
}

}  // namespace

// --- regions ---

Result<std::vector<dm::Region>> SqlRegionRepository::children_of(std::string_view parent_code) {
  if (parent_code.empty()) {
    return all_of<dm::Region>(backend_.read(sql(kRegionColumns, "WHERE parent_code IS NULL ORDER BY code"), {}),
                              region_from);
  }
  return all_of<dm::Region>(
      backend_.read(sql(kRegionColumns, "WHERE parent_code = $1 ORDER BY code"), {std::string(parent_code)}),
      region_from);
}

Result<std::optional<dm::Region>> SqlRegionRepository::find(std::string_view code) {
  return first_of<dm::Region>(backend_.read(sql(kRegionColumns, "WHERE code = $1"), {std::string(code)}),
                              region_from);
}

Result<std::vector<dm::Region>> SqlRegionRepository::at_level(dm::RegionLevel level) {
  return all_of<dm::Region>(backend_.read(sql(kRegionColumns, "WHERE level = $1 ORDER BY code"),
                                          {std::string(dm::to_string(level))}),
                            region_from);
}

// --- units ---

Result<std::vector<dm::Unit>> SqlUnitRepository::list(const app::ports::UnitFilter& filter) {
  std::string type = filter.type ? std::string(dm::to_string(*filter.type)) : std::string();
  std::string parent = filter.parent_code.value_or(std::string());
  return all_of<dm::Unit>(
      backend_.read(sql(kUnitColumns, "WHERE ($1 = '' OR type = $1) AND ($2 = '' OR parent_code = $2) ORDER BY code"),
                    {type, parent}),
      unit_from);
}

Result<std::optional<dm::Unit>> SqlUnitRepository::find_by_id(std::int64_t id) {
  return first_of<dm::Unit>(backend_.read(sql(kUnitColumns, "WHERE id = $1"), {id}), unit_from);
}

Result<std::optional<dm::Unit>> SqlUnitRepository::find_by_code(std::string_view code) {
  return first_of<dm::Unit>(backend_.read(sql(kUnitColumns, "WHERE code = $1"), {std::string(code)}), unit_from);
}

Result<std::vector<std::string>> SqlUnitRepository::path_to(std::string_view code) {
  // Walks up the parents; depth counts from the unit, so the root comes last and is reversed.
  auto rows = backend_.read(
      "WITH RECURSIVE up (code, parent_code, depth) AS ("
      " SELECT code, parent_code, 0 FROM units WHERE code = $1"
      " UNION ALL SELECT u.code, u.parent_code, up.depth + 1 FROM units u JOIN up ON u.code = up.parent_code"
      " WHERE up.depth < 32) SELECT code FROM up ORDER BY depth DESC",
      {std::string(code)});
  if (!rows) return rows.error();
  std::vector<std::string> path;
  for (const auto& row : rows->rows) path.push_back(text_at(row, 0));
  return path;
}

// --- categories ---

Result<std::vector<dm::Category>> SqlCategoryRepository::list() {
  return all_of<dm::Category>(backend_.read(sql(kCategoryColumns, "ORDER BY name_id, code"), {}), category_from);
}

// --- writer ---

Result<void> SqlMasterDataWriter::save_region(const dm::Region& region) {
  auto done = connection_.query(
      "INSERT INTO regions (code, parent_code, name, level) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, "
      "level = excluded.level",
      {region.code, text_or_null(region.parent_code), region.name, std::string(dm::to_string(region.level))});
  if (!done) return done.error();
  return {};
}

Result<std::int64_t> SqlMasterDataWriter::save_unit(const dm::Unit& unit) {
  auto rows = connection_.query(
      std::string(kInsertUnit) +
          "ON CONFLICT (code) DO UPDATE SET type = excluded.type, name = excluded.name, "
          "parent_code = excluded.parent_code, region_code = excluded.region_code, "
          "service_hours = excluded.service_hours, latitude = excluded.latitude, longitude = excluded.longitude, "
          "time_zone = excluded.time_zone RETURNING id",
      unit_params(unit));
  if (!rows) return rows.error();
  return int_at(rows->rows.at(0), 0);
}

Result<std::int64_t> SqlMasterDataWriter::insert_unit(const dm::Unit& unit) {
  auto rows = connection_.query(std::string(kInsertUnit) + "RETURNING id", unit_params(unit));
  if (!rows) return rows.error();
  return int_at(rows->rows.at(0), 0);
}

Result<bool> SqlMasterDataWriter::update_unit(const dm::Unit& unit) {
  auto rows = connection_.query(
      "UPDATE units SET type = $2, name = $3, parent_code = $4, region_code = $5, service_hours = $6, "
      "latitude = $7, longitude = $8, time_zone = $9 WHERE code = $1 RETURNING id",
      unit_params(unit));
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::int64_t> SqlMasterDataWriter::save_category(const dm::Category& category) {
  auto rows = connection_.query(
      std::string(kInsertCategory) +
          "ON CONFLICT (code) DO UPDATE SET name_id = excluded.name_id, name_en = excluded.name_en, "
          "description_id = excluded.description_id, default_unit_code = excluded.default_unit_code, "
          "keywords = excluded.keywords, field_work = excluded.field_work RETURNING id",
      category_params(category));
  if (!rows) return rows.error();
  return int_at(rows->rows.at(0), 0);
}

Result<std::int64_t> SqlMasterDataWriter::insert_category(const dm::Category& category) {
  auto rows = connection_.query(std::string(kInsertCategory) + "RETURNING id", category_params(category));
  if (!rows) return rows.error();
  return int_at(rows->rows.at(0), 0);
}

Result<bool> SqlMasterDataWriter::update_category(const dm::Category& category) {
  auto rows = connection_.query(
      "UPDATE categories SET name_id = $2, name_en = $3, description_id = $4, default_unit_code = $5, "
      "keywords = $6, field_work = $7 WHERE code = $1 RETURNING id",
      category_params(category));
  if (!rows) return rows.error();
  return !rows->empty();
}

}  // namespace sigap::storage::sql
