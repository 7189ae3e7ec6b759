#pragma once

#include <string>
#include <string_view>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/master_data/category.hpp"

namespace sigap::app::master_data {

/// Complaint categories kept by admins: add one, or change one (names, description, default
/// unit, keywords, field work). Every field is checked at once (domain/master_data/
/// category_rules plus the default unit, which must exist). Each change is written and audited
/// ("category.created", "category.updated" with the fields that changed) in one transaction.
/// A category's code never changes: cases, routing rules and SLA policies refer to it.
/// Intake keeps the categories for a few seconds (app/complaints/submit_complaint); the HTTP
/// handler tells it to read them again after a change. Thread-safe (holds references only).
class CategoriesAdmin {
 public:
  CategoriesAdmin(ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  /// Adds `category` (its id is ignored) and returns it as stored. Errors: validation per field
  /// ("code" already taken among them); `conflict` when another admin took the code meanwhile.
  Result<domain::master_data::Category> create(domain::master_data::Category category, const std::string& by);

  /// Replaces the category named by `id_or_code` (numeric id or code) with `category`, whose
  /// code must be empty or the category's own. Errors: `not_found`; validation as for create.
  Result<domain::master_data::Category> update(std::string_view id_or_code, domain::master_data::Category category,
                                               const std::string& by);

 private:
  ports::Storage& storage_;
  const Clock& clock_;
};

}  // namespace sigap::app::master_data
