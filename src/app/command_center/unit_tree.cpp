#include "app/command_center/unit_tree.hpp"

#include <algorithm>
#include <numeric>

namespace sigap::app::command_center {

Result<UnitTree> UnitTree::load(ports::Storage& storage) {
  auto units = storage.units().list({});
  if (!units) return units.error();
  UnitTree tree;
  tree.units_ = std::move(*units);
  const auto count = tree.units_.size();
  for (std::size_t i = 0; i < count; ++i) tree.index_.emplace(tree.units_[i].code, i);
  tree.parent_.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (!tree.units_[i].parent_code.empty()) tree.parent_[i] = tree.index_of(tree.units_[i].parent_code);
  }
  tree.depth_.assign(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    // Up the parent chain; a chain longer than the number of units would be a cycle.
    std::size_t steps = 0;
    for (auto at = tree.parent_[i]; at && steps <= count; at = tree.parent_[*at]) ++steps;
    tree.depth_[i] = steps;
  }
  tree.deepest_first_.resize(count);
  std::iota(tree.deepest_first_.begin(), tree.deepest_first_.end(), std::size_t{0});
  std::stable_sort(tree.deepest_first_.begin(), tree.deepest_first_.end(),
                   [&](std::size_t a, std::size_t b) { return tree.depth_[a] > tree.depth_[b]; });
  return tree;
}

Result<UnitTree> UnitTree::load_with_geofences(ports::Storage& storage) {
  auto tree = load(storage);
  if (!tree) return tree;
  auto fences = storage.presence().geofences();
  if (!fences) return fences.error();
  tree->geofences_ = std::move(*fences);
  return tree;
}

const domain::master_data::Unit* UnitTree::find(std::string_view code) const {
  auto found = index_.find(code);
  return found == index_.end() ? nullptr : &units_[found->second];
}

std::optional<std::size_t> UnitTree::index_of(std::string_view code) const {
  auto found = index_.find(code);
  if (found == index_.end()) return std::nullopt;
  return found->second;
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

Result<std::shared_ptr<const UnitTree>> UnitDirectory::tree() {
  return kept_.get(clock_.now(), [this] { return UnitTree::load_with_geofences(storage_); });
}

void UnitDirectory::invalidate() { kept_.invalidate(); }

}  // namespace sigap::app::command_center
