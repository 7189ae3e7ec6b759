#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/command_center/unit_tree.hpp"
#include "domain/access/access.hpp"

namespace sigap::app::stream {

/// What one subscriber receives: events of cases whose unit is within `cases`, alerts of units
/// within `alerts` (alerts of the whole city, unit "", only when `alerts.everywhere`).
struct StreamFilter {
  std::string scope;             // the unit code the client asked for; "" = all it may see
  domain::access::Scope cases;   // read_case, narrowed to `scope`
  domain::access::Scope alerts;  // read_alerts, narrowed to `scope`; nowhere for officers

  /// Whether an object of the unit whose chain (the unit, its parent, ... up to the root) is
  /// `unit_chain` passes `scope`. An empty chain (no unit, or an unknown one) passes only
  /// everywhere.
  static bool admits(const domain::access::Scope& scope, const std::vector<std::string>& unit_chain);
};

/// The filter of `actor` asking for `scope` (a unit code; nullopt or "" = everything it may see),
/// the same scoping as the REST case list and alert list.
/// Errors: validation naming "scope" when there is no such unit; forbidden when the unit is
/// outside what the actor may read; forbidden when the actor may read no case at all.
Result<StreamFilter> resolve_stream_filter(const command_center::UnitTree& units, const domain::access::Actor& actor,
                                           std::optional<std::string_view> scope);

/// `code`, its parent, its grandparent, ... (empty for an unknown code).
std::vector<std::string> unit_chain(const command_center::UnitTree& units, std::string_view code);

}  // namespace sigap::app::stream
