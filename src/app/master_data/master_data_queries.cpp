#include "app/master_data/master_data_queries.hpp"

#include <charconv>

#include <fmt/format.h>

#include "domain/master_data/region_code.hpp"

namespace sigap::app::master_data {

namespace dm = domain::master_data;

Error not_found(std::string_view what_id, std::string_view what_en, std::string_view key) {
  return Error(ErrorCode::not_found, Text{fmt::format("{} {} tidak ditemukan.", what_id, key),
                                          fmt::format("No {} {}.", what_en, key)});
}

Result<std::vector<dm::Region>> MasterDataQueries::list_regions(std::string_view parent_code) {
  if (!parent_code.empty()) {
    auto level = dm::parse_region_code(parent_code, "parent");
    if (!level) return level.error();
    auto parent = storage_.regions().find(parent_code);
    if (!parent) return parent.error();
    if (!parent->has_value()) return not_found("Wilayah", "region", parent_code);
  }
  return storage_.regions().children_of(parent_code);
}

Result<dm::Region> MasterDataQueries::get_region(std::string_view code) {
  auto level = dm::parse_region_code(code, "code");
  if (!level) return level.error();
  auto region = storage_.regions().find(code);
  if (!region) return region.error();
  if (!region->has_value()) return not_found("Wilayah", "region", code);
  return std::move(**region);
}

Result<std::vector<dm::Unit>> MasterDataQueries::list_units(std::string_view type, std::string_view parent) {
  ports::UnitFilter filter;
  if (!type.empty()) {
    auto parsed = dm::unit_type_from_string(type, "type");
    if (!parsed) return parsed.error();
    filter.type = *parsed;
  }
  if (!parent.empty()) {
    auto parent_unit = get_unit(parent);
    if (!parent_unit) return parent_unit.error();
    filter.parent_code = parent_unit->code;
  }
  return storage_.units().list(filter);
}

Result<dm::Unit> MasterDataQueries::get_unit(std::string_view id_or_code) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(id_or_code.data(), id_or_code.data() + id_or_code.size(), id);
  bool numeric = ec == std::errc() && end == id_or_code.data() + id_or_code.size();
  auto unit = numeric ? storage_.units().find_by_id(id) : storage_.units().find_by_code(id_or_code);
  if (!unit) return unit.error();
  if (!unit->has_value()) return not_found("Unit", "unit", id_or_code);
  return std::move(**unit);
}

Result<std::vector<dm::Category>> MasterDataQueries::list_categories() {
  return storage_.categories().list();
}

}  // namespace sigap::app::master_data
