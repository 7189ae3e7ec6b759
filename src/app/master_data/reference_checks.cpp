#include "app/master_data/reference_checks.hpp"

#include <algorithm>

namespace sigap::app::master_data {

Result<void> check_category_exists(ports::Storage& storage, const std::string& code, std::vector<FieldError>& problems,
                                   std::string_view field) {
  if (code.empty()) return {};
  auto categories = storage.categories().list();
  if (!categories) return categories.error();
  if (std::none_of(categories->begin(), categories->end(),
                   [&](const auto& category) { return category.code == code; })) {
    problems.push_back({std::string(field), Text{"Kategori tidak dikenal.", "Unknown category."}});
  }
  return {};
}

Result<void> check_unit_exists(ports::Storage& storage, const std::string& code, std::vector<FieldError>& problems,
                               std::string_view field) {
  if (code.empty()) return {};
  auto unit = storage.units().find_by_code(code);
  if (!unit) return unit.error();
  if (!unit->has_value()) problems.push_back({std::string(field), Text{"Unit tidak dikenal.", "Unknown unit."}});
  return {};
}

Result<void> check_region_exists(ports::Storage& storage, const std::string& code, std::vector<FieldError>& problems,
                                 std::string_view field) {
  if (code.empty()) return {};
  auto region = storage.regions().find(code);
  if (!region) return region.error();
  if (!region->has_value()) problems.push_back({std::string(field), Text{"Wilayah tidak dikenal.", "Unknown region."}});
  return {};
}

}  // namespace sigap::app::master_data
