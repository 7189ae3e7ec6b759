#include "app/presence/presence_board.hpp"

#include <algorithm>
#include <map>

#include "app/command_center/unit_tree.hpp"
#include "app/command_center/wall_clock.hpp"

namespace sigap::app::presence {

namespace da = domain::access;
namespace dp = domain::presence;

Result<std::vector<OfficePresence>> PresenceBoard::offices(const da::Actor& actor, const std::string& unit) {
  auto scope = da::scope_of(actor, da::Action::read_presence);
  auto tree = command_center::UnitTree::load(storage_);
  if (!tree) return tree.error();
  if (!unit.empty()) {
    if (!tree->find(unit)) return Error(ErrorCode::not_found, Text{"Unit tidak ditemukan.", "Unit not found."});
    if (!tree->in_scope(unit, scope)) {
      return Error(ErrorCode::forbidden, Text{"Unit ini di luar cakupan Anda.", "This unit is outside your scope."});
    }
  }
  return offices_in(*tree, scope, unit, true);
}

Result<std::vector<OfficePresence>> PresenceBoard::offices_in(const command_center::UnitTree& units,
                                                              const da::Scope& scope, const std::string& unit,
                                                              bool with_names) {
  const auto now = clock_.now();
  const auto* tree = &units;
  auto book = rules_.book();
  if (!book) return book.error();
  // The geofences kept with the tree (command_center::UnitDirectory), else read now.
  Result<std::vector<dp::Geofence>> fences =
      units.geofences() ? Result<std::vector<dp::Geofence>>(*units.geofences()) : storage_.presence().geofences();
  if (!fences) return fences.error();
  std::map<std::string, dp::Geofence, std::less<>> fence_of;
  for (auto& fence : *fences) fence_of.emplace(fence.unit_code, std::move(fence));

  // The offices listed: in scope, under `unit`, with a geofence (and `unit` itself).
  std::vector<OfficePresence> offices;
  for (const auto& candidate : tree->units()) {
    const bool asked = candidate.code == unit;
    if (!asked && !fence_of.contains(candidate.code)) continue;
    if (!tree->in_scope(candidate.code, scope)) continue;
    if (!unit.empty() && !tree->under(candidate.code, unit)) continue;
    OfficePresence office;
    office.unit = candidate;
    if (auto found = fence_of.find(candidate.code); found != fence_of.end()) office.geofence = found->second;
    office.week_start = dp::week_start(now, command_center::zone_of(candidate.time_zone));
    offices.push_back(std::move(office));
  }
  if (offices.empty()) return offices;

  // Sessions, in one read: those of the week (a session lasts at most kLongestPresence, so one
  // that began before that much ahead of the earliest week start cannot reach into it), the open
  // ones among them (an open session older than kLongestPresence has lapsed), and those of the
  // last kLastCheckOutWindow, whose latest check-out per office says since when it is unstaffed.
  // Three reads before: each a round trip to PostgreSQL on every dashboard request.
  constexpr auto kLastCheckOutWindow = std::chrono::days(8);
  auto earliest = std::min_element(offices.begin(), offices.end(), [](const auto& a, const auto& b) {
                    return a.week_start < b.week_start;
                  })->week_start;
  const auto check_outs_from = now - kLastCheckOutWindow;
  auto sessions = storage_.presence().sessions_since(std::min(earliest - dp::kLongestPresence, check_outs_from));
  if (!sessions) return sessions.error();
  std::map<std::string, std::vector<dp::Interval>, std::less<>> intervals;
  std::map<std::string, std::vector<const ports::PresenceSession*>, std::less<>> in_now;
  std::map<std::string, TimePoint, std::less<>> last_out;
  for (const auto& session : *sessions) {
    auto end = session.checked_out_at.value_or(std::min(now, session.checked_in_at + dp::kLongestPresence));
    intervals[session.unit_code].push_back({session.checked_in_at, end});  // clipped to each week
    if (!session.checked_out_at) {
      if (now < session.checked_in_at + dp::kLongestPresence) in_now[session.unit_code].push_back(&session);
    } else if (session.checked_in_at >= check_outs_from) {
      auto& latest = last_out[session.unit_code];
      latest = std::max(latest, *session.checked_out_at);
    }
  }

  std::map<std::int64_t, std::string> names;
  for (auto& office : offices) {
    const auto& code = office.unit.code;
    dp::OfficeHours hours{office.unit.service_hours, command_center::zone_of(office.unit.time_zone), (*book)->calendar};
    auto& staffed = intervals[code];
    office.staffed_week = dp::covered(staffed, office.week_start, now);
    auto service = dp::service_intervals(hours, office.week_start, now);
    office.service_week = dp::covered(service, office.week_start, now);
    office.staffed_service_week = dp::overlap(service, staffed, office.week_start, now);
    if (auto found = in_now.find(code); found != in_now.end()) {
      for (const auto* session : found->second) {
        auto name = names.find(session->user_id);
        if (name == names.end() && !with_names) name = names.emplace(session->user_id, std::string()).first;
        if (name == names.end()) {
          auto user = storage_.users().find_by_id(session->user_id);
          if (!user) return user.error();
          name = names.emplace(session->user_id, *user ? (*user)->display_name : std::string()).first;
        }
        office.checked_in.push_back(
            {session->user_id, name->second, session->checked_in_at, session->check_in_distance_m});
      }
    }
    dp::StaffingInput input;
    input.staffed_now = !office.checked_in.empty();
    if (auto found = last_out.find(code); found != last_out.end()) input.last_check_out = found->second;
    auto verdict = dp::judge_staffing(hours, input, now);
    office.serving_now = verdict.serving;
    office.unstaffed_since = verdict.unstaffed_since;
  }
  return offices;
}

}  // namespace sigap::app::presence
