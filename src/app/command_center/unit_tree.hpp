#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "domain/access/access.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::app::command_center {

/// Every unit, read once, to answer "is this unit under that one" without a query per unit:
/// the Command Center's lists (presence, cameras) filter a few hundred units by an actor's
/// scope this way. A snapshot; cheap to build (one read). Not thread-safe to share while built.
class UnitTree {
 public:
  static Result<UnitTree> load(ports::Storage& storage);

  [[nodiscard]] const std::vector<domain::master_data::Unit>& units() const { return units_; }
  /// nullptr when there is no such unit.
  [[nodiscard]] const domain::master_data::Unit* find(std::string_view code) const;
  /// Whether `code` is `root` or below it.
  [[nodiscard]] bool under(std::string_view code, std::string_view root) const;
  /// Whether `code` is within `scope` (everywhere, or under one of its roots).
  [[nodiscard]] bool in_scope(std::string_view code, const domain::access::Scope& scope) const;

 private:
  std::vector<domain::master_data::Unit> units_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

}  // namespace sigap::app::command_center
