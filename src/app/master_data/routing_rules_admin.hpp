#pragma once

#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/complaints/routing.hpp"

namespace sigap::app::master_data {

/// Which unit handles a category in a region (domain/complaints/routing.hpp), kept by admins.
/// Every change is audited ("routing_rule.saved", "routing_rule.deleted") in the transaction
/// that makes it. Intake keeps the rules read (app/complaints/routing_book.hpp): whoever calls
/// save or remove tells its RoutingDirectory to read them again.
class RoutingRulesAdmin {
 public:
  RoutingRulesAdmin(ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  Result<std::vector<domain::complaints::RoutingRule>> list();
  /// Adds the rule or replaces the unit of the rule for the same category and region. The unit
  /// must exist; the category and region must exist or be empty (any). Errors: validation,
  /// naming category_code, region_code or unit_code.
  Result<void> save(const domain::complaints::RoutingRule& rule, const std::string& by);
  /// Removes the rule for the category and region; `not_found` when there is none.
  Result<void> remove(const std::string& category_code, const std::string& region_code, const std::string& by);

 private:
  ports::Storage& storage_;
  const Clock& clock_;
};

}  // namespace sigap::app::master_data
