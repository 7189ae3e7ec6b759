#include "app/complaints/correct_category.hpp"

#include "app/complaints/case_change.hpp"
#include "domain/complaints/routing.hpp"

namespace sigap::app::complaints {

Result<void> correct_category(ports::Storage& storage, domain::complaints::Complaint& complaint,
                              const std::string& category_code) {
  auto categories = storage.categories().list();
  if (!categories) return categories.error();
  const domain::master_data::Category* category = nullptr;
  for (const auto& candidate : *categories) {
    if (candidate.code == category_code) category = &candidate;
  }
  if (!category) return case_field_problem("category_code", Text{"Kategori tidak dikenal.", "Unknown category."});
  auto rules = storage.complaints().routing_rules();
  if (!rules) return rules.error();
  complaint.category_code = category->code;
  complaint.category_suggested = false;
  complaint.unit_code = domain::complaints::route(*rules, category->code, complaint.region_code,
                                                  category->default_unit_code)
                            .value_or(category->default_unit_code);
  return {};
}

}  // namespace sigap::app::complaints
