#include "app/stream/stream_filter.hpp"

#include <algorithm>

namespace sigap::app::stream {

namespace da = domain::access;

namespace {

// The part of `granted` under `unit`: all of it below `unit` when `unit` is within `granted`,
// else the roots of `granted` that lie under `unit`.
da::Scope narrow(const command_center::UnitTree& units, const da::Scope& granted, const std::string& unit) {
  da::Scope narrowed;
  if (units.in_scope(unit, granted)) {
    narrowed.roots.push_back(unit);
    return narrowed;
  }
  for (const auto& root : granted.roots) {
    if (units.under(root, unit)) narrowed.roots.push_back(root);
  }
  return narrowed;
}

bool nowhere(const da::Scope& scope) { return !scope.everywhere && scope.roots.empty(); }

}  // namespace

bool StreamFilter::admits(const da::Scope& scope, const std::vector<std::string>& chain) {
  if (scope.everywhere) return true;
  return std::any_of(chain.begin(), chain.end(), [&](const std::string& code) {
    return std::find(scope.roots.begin(), scope.roots.end(), code) != scope.roots.end();
  });
}

std::vector<std::string> unit_chain(const command_center::UnitTree& units, std::string_view code) {
  std::vector<std::string> chain;
  const auto* unit = units.find(code);
  // A chain longer than the number of units would be a cycle.
  while (unit && chain.size() <= units.units().size()) {
    chain.push_back(unit->code);
    if (unit->parent_code.empty()) break;
    unit = units.find(unit->parent_code);
  }
  return chain;
}

Result<StreamFilter> resolve_stream_filter(const command_center::UnitTree& units, const da::Actor& actor,
                                           std::optional<std::string_view> scope) {
  StreamFilter filter;
  filter.cases = da::scope_of(actor, da::Action::read_case);
  filter.alerts = da::scope_of(actor, da::Action::read_alerts);
  if (nowhere(filter.cases)) {
    return Error(ErrorCode::forbidden, Text{"Anda tidak berwenang mengikuti aliran ini.",
                                            "You are not allowed to follow this stream."});
  }
  if (!scope || scope->empty()) return filter;
  filter.scope = std::string(*scope);
  if (!units.find(filter.scope)) {
    return Error(ErrorCode::validation, Text{"Unit tidak ditemukan.", "No such unit."},
                 {{"scope", Text{"Tidak ada unit dengan kode ini.", "There is no unit with this code."}}});
  }
  if (!units.in_scope(filter.scope, filter.cases)) {
    return Error(ErrorCode::forbidden, Text{"Unit ini di luar wewenang Anda.", "This unit is outside your reach."});
  }
  filter.cases = narrow(units, filter.cases, filter.scope);
  filter.alerts = narrow(units, filter.alerts, filter.scope);
  return filter;
}

}  // namespace sigap::app::stream
