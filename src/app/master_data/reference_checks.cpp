#include "app/master_data/reference_checks.hpp"

#include <algorithm>

namespace sigap::app::master_data {

Result<void> check_category_exists(ports::Storage& storage, const std::string& code, std::vector<FieldError>& problems) {
  if (code.empty()) return {};
  auto categories = storage.categories().list();
  if (!categories) return categories.error();
  if (std::none_of(categories->begin(), categories->end(), [&](const auto& category) { return category.code == code; })) {
    problems.push_back({"category_code", Text{"Kategori tidak dikenal.", "Unknown category."}});
  }
  return {};
}

Result<void> check_unit_exists(ports::Storage& storage, const std::string& code, std::vector<FieldError>& problems) {
  if (code.empty()) return {};
  auto unit = storage.units().find_by_code(code);
  if (!unit) return unit.error();
  if (!unit->has_value()) problems.push_back({"unit_code", Text{"Unit tidak dikenal.", "Unknown unit."}});
  return {};
}

}  // namespace sigap::app::master_data
