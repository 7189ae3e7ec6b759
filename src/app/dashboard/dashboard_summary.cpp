#include "app/dashboard/dashboard_summary.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/command_center/unit_tree.hpp"
#include "app/command_center/wall_clock.hpp"
#include "app/presence/presence_board.hpp"

namespace sigap::app::dashboard {

namespace da = domain::access;
namespace dd = domain::dashboard;
namespace dm = domain::master_data;

namespace {

// What the Command Center shows of a unit beside its figures; summed over subtrees.
struct UnitState {
  std::int64_t staffed_now = 0;
  std::int64_t cameras_up = 0;
  std::int64_t cameras_down = 0;
  std::int64_t open_alerts = 0;
  UnitState& operator+=(const UnitState& other) {
    staffed_now += other.staffed_now;
    cameras_up += other.cameras_up;
    cameras_down += other.cameras_down;
    open_alerts += other.open_alerts;
    return *this;
  }
};

Error outside_scope() {
  return Error(ErrorCode::forbidden,
               Text{"Unit ini di luar cakupan dasbor Anda.", "This unit is outside your dashboard scope."});
}

}  // namespace

std::string_view level_of(dm::UnitType type) {
  switch (type) {
    case dm::UnitType::city:
      return "city";
    case dm::UnitType::district_office:
      return "kecamatan";
    case dm::UnitType::village_office:
      return "kelurahan";
    case dm::UnitType::agency:
      return "agency";
    case dm::UnitType::service_hall:
      return "service_hall";
    case dm::UnitType::service_counter:
      return "service_counter";
  }
  return "agency";
}

Result<ports::DashboardSnapshot> DashboardSummaryQuery::snapshot(const std::vector<ports::DashboardZone>& zones,
                                                                 const ports::DashboardVersion& version) {
  // The version is read before the snapshot: a commit in between makes the kept snapshot newer
  // than its version, and the next request reads anew. Never older.
  std::shared_ptr<const Kept> kept;
  {
    std::lock_guard lock(mutex_);
    kept = kept_;
  }
  if (kept && kept->version == version && kept->zones == zones) return kept->snapshot;
  auto read = storage_.dashboard().snapshot(zones);
  if (!read) return read.error();
  auto fresh = std::make_shared<const Kept>(Kept{version, zones, *read});
  std::lock_guard lock(mutex_);
  kept_ = std::move(fresh);
  return std::move(*read);
}

Result<DashboardSummary> DashboardSummaryQuery::summary(const da::Actor& actor, const SummaryRequest& request) {
  const auto now = clock_.now();
  const auto scope = da::scope_of(actor, da::Action::read_dashboard);
  if (!scope.everywhere && scope.roots.empty()) return outside_scope();
  auto kept_tree = units_.tree();
  if (!kept_tree) return kept_tree.error();
  const auto& tree = *kept_tree;
  const auto& units = tree->units();

  // The scope: asked for, or the widest the actor has (the root for everywhere).
  std::string code = request.scope;
  if (code.empty()) {
    std::optional<std::size_t> widest;
    for (std::size_t i = 0; i < units.size(); ++i) {
      const bool candidate =
          scope.everywhere ? units[i].parent_code.empty()
                           : std::find(scope.roots.begin(), scope.roots.end(), units[i].code) != scope.roots.end();
      if (!candidate) continue;
      if (!widest || tree->depth(i) < tree->depth(*widest) ||
          (tree->depth(i) == tree->depth(*widest) && units[i].type == dm::UnitType::city && units[*widest].type != dm::UnitType::city)) {
        widest = i;
      }
    }
    if (!widest) return outside_scope();
    code = units[*widest].code;
  }
  const auto scope_index = tree->index_of(code);
  if (!scope_index) return Error(ErrorCode::not_found, Text{"Unit tidak ditemukan.", "Unit not found."});
  const auto* scope_unit = &units[*scope_index];
  if (!tree->in_scope(code, scope)) return outside_scope();

  // The counters, with each zone's windows ending on its own local today.
  std::map<domain::sla::UnitTimeZone, std::vector<std::string>> by_zone;
  for (const auto& unit : units) by_zone[command_center::zone_of(unit.time_zone)].push_back(unit.code);
  if (by_zone.empty()) by_zone[domain::sla::UnitTimeZone::wib];
  std::vector<ports::DashboardZone> zones;
  for (auto& [zone, codes] : by_zone) {
    ports::DashboardZone read;
    read.windows = dd::DayWindows::ending(domain::sla::local_date(now, zone));
    if (by_zone.size() > 1) read.units = std::move(codes);
    zones.push_back(std::move(read));
  }
  // The version of the figures with the cameras and open alerts per unit: one read.
  auto live = storage_.dashboard().live();
  if (!live) return live.error();
  auto snapshot = this->snapshot(zones, live->version);
  if (!snapshot) return snapshot.error();
  if (!snapshot->built) {
    return Error(ErrorCode::unavailable, Text{"Angka dasbor sedang disusun; coba lagi sebentar lagi.",
                                              "The dashboard figures are being built; try again shortly."});
  }

  // The Command Center's state per unit: presence of the offices, cameras, open alerts.
  presence::PresenceBoard board(storage_, clock_, rules_);
  auto offices = board.offices_in(*tree, da::Scope{true, {}}, code, false);
  if (!offices) return offices.error();
  std::map<std::string, UnitState, std::less<>> own_state;
  std::map<std::string, const presence::OfficePresence*, std::less<>> office_of;
  for (const auto& office : *offices) {
    own_state[office.unit.code].staffed_now += static_cast<std::int64_t>(office.checked_in.size());
    office_of[office.unit.code] = &office;
  }
  for (const auto& [unit, state] : live->units) {
    auto& own = own_state[unit];
    own.cameras_up += state.cameras_up;
    own.cameras_down += state.cameras_down;
    own.open_alerts += state.open_alerts;
  }

  // Roll up: deepest units first, each added into its parent.
  std::vector<dd::FigureTotals> totals(units.size());
  std::vector<UnitState> state(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (auto found = snapshot->units.find(units[i].code); found != snapshot->units.end()) totals[i] = found->second;
    if (auto found = own_state.find(units[i].code); found != own_state.end()) state[i] = found->second;
  }
  for (auto i : tree->deepest_first()) {
    const auto parent = tree->parent(i);
    if (tree->depth(i) == 0 || !parent) continue;
    totals[*parent] += totals[i];
    state[*parent] += state[i];
  }

  DashboardSummary summary;
  summary.tree = tree;
  summary.scope = *scope_unit;
  summary.as_of = now;
  summary.last_event_id = snapshot->last_seq;
  summary.figures = dd::figures_of(totals[*scope_index]);
  std::vector<std::size_t> by_code(units.size());
  for (std::size_t i = 0; i < by_code.size(); ++i) by_code[i] = i;
  std::sort(by_code.begin(), by_code.end(), [&](std::size_t a, std::size_t b) { return units[a].code < units[b].code; });
  for (auto i : by_code) {
    const auto& unit = units[i];
    if (unit.code == code) continue;
    const bool listed = request.all_depths ? tree->under(unit.code, code) : unit.parent_code == code;
    if (!listed) continue;
    UnitSummary item;
    item.unit = &unit;
    item.figures = dd::figures_of(totals[i]);
    item.staffed_now = state[i].staffed_now;
    item.cameras_up = state[i].cameras_up;
    item.cameras_down = state[i].cameras_down;
    item.open_alerts = state[i].open_alerts;
    if (auto office = office_of.find(unit.code); office != office_of.end()) {
      item.serving_now = office->second->serving_now;
      const double hours = std::chrono::duration<double, std::ratio<3600>>(office->second->staffed_week).count();
      item.hours_staffed_week = std::round(hours * 100) / 100;
    }
    summary.units.push_back(std::move(item));
  }
  return summary;
}

}  // namespace sigap::app::dashboard
