#include "app/command_center/unit_tree.hpp"

#include <algorithm>

namespace sigap::app::command_center {

Result<UnitTree> UnitTree::load(ports::Storage& storage) {
  auto units = storage.units().list({});
  if (!units) return units.error();
  UnitTree tree;
  tree.units_ = std::move(*units);
  for (std::size_t i = 0; i < tree.units_.size(); ++i) tree.index_.emplace(tree.units_[i].code, i);
  return tree;
}

const domain::master_data::Unit* UnitTree::find(std::string_view code) const {
  auto found = index_.find(code);
  return found == index_.end() ? nullptr : &units_[found->second];
}

bool UnitTree::under(std::string_view code, std::string_view root) const {
  // Up the parent chain; a chain longer than the number of units would be a cycle.
  const auto* unit = find(code);
  for (std::size_t steps = 0; unit && steps <= units_.size(); ++steps) {
    if (unit->code == root) return true;
    if (unit->parent_code.empty()) return false;
    unit = find(unit->parent_code);
  }
  return false;
}

bool UnitTree::in_scope(std::string_view code, const domain::access::Scope& scope) const {
  if (scope.everywhere) return true;
  return std::any_of(scope.roots.begin(), scope.roots.end(),
                     [&](const std::string& root) { return under(code, root); });
}

}  // namespace sigap::app::command_center
