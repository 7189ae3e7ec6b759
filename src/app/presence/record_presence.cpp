#include "app/presence/record_presence.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "app/audit/record_audit.hpp"
#include "app/command_center/wall_clock.hpp"
#include "domain/alerts/alert_kind.hpp"
#include "domain/presence/staffing.hpp"

namespace sigap::app::presence {

namespace da = domain::access;
namespace dp = domain::presence;

namespace {

Error unit_problem(Text message) {
  return Error(ErrorCode::validation, Text{"Kantor presensi belum jelas.", "The office to check in at is not clear."},
               {FieldError{"unit_code", std::move(message)}});
}

Error not_checked_in() {
  return Error(ErrorCode::conflict, Text{"Anda belum presensi masuk.", "You are not checked in."});
}

int metres(double value) { return static_cast<int>(std::lround(value)); }

bool is_staff(const da::Actor& actor) { return actor.kind == da::ActorKind::staff && actor.id > 0; }

}  // namespace

Result<std::optional<ports::PresenceSession>> PresenceRecorder::open_session(std::int64_t user_id, bool& lapsed) {
  lapsed = false;
  auto open = storage_.presence().open_session(user_id);
  if (!open) return open.error();
  if (!*open) return open;
  const auto ends = (*open)->checked_in_at + dp::kLongestPresence;
  if (clock_.now() < ends) return open;
  auto ended = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto done = tx.presence().check_out((*open)->id, ends, std::nullopt, std::nullopt, "lapsed");
    if (!done) return done.error();
    return {};
  });
  if (!ended) return ended.error();
  lapsed = true;
  return std::optional<ports::PresenceSession>();
}

Result<PresenceView> PresenceRecorder::view_of(ports::PresenceSession session) {
  PresenceView view;
  auto unit = storage_.units().find_by_code(session.unit_code);
  if (!unit) return unit.error();
  view.unit_name = *unit ? (*unit)->name : session.unit_code;
  auto fence = storage_.presence().geofence(session.unit_code);
  if (!fence) return fence.error();
  view.radius_m = *fence ? (*fence)->radius_m : 0;
  view.session = std::move(session);
  return view;
}

Result<PresenceView> PresenceRecorder::check_in(const da::Actor& actor, const CheckInRequest& request) {
  if (!is_staff(actor)) {
    return Error(ErrorCode::forbidden, Text{"Presensi hanya untuk petugas.", "Only staff members check in."});
  }
  auto position = dp::check_position(request.latitude, request.longitude, request.accuracy_m);
  if (!position) return position.error();

  // The office: the one named, within the actor's units, or the actor's only one.
  auto scope = da::scope_of(actor, da::Action::record_presence);
  std::string unit_code = request.unit_code;
  if (unit_code.empty()) {
    if (scope.roots.size() != 1) {
      return unit_problem(Text{"Anda bertugas di lebih dari satu unit; pilih kantor tempat presensi (unit_code).",
                               "You work at more than one unit; choose the office to check in at (unit_code)."});
    }
    unit_code = scope.roots.front();
  }
  auto path = storage_.units().path_to(unit_code);
  if (!path) return path.error();
  if (path->empty()) return unit_problem(Text{"Unit tidak dikenal.", "Unknown unit."});
  if (da::can(actor, da::Action::record_presence, da::Resource{*path}) != da::Decision::allow) {
    return Error(ErrorCode::forbidden, Text{"Anda tidak bertugas di unit ini.", "You do not work at this unit."});
  }
  auto fence = storage_.presence().geofence(unit_code);
  if (!fence) return fence.error();
  if (!*fence) {
    return unit_problem(Text{"Lokasi kantor unit ini belum diatur; minta admin mengaturnya.",
                             "This unit's office location is not set yet; ask an admin to set it."});
  }
  auto unit = storage_.units().find_by_code(unit_code);
  if (!unit) return unit.error();
  const std::string unit_name = *unit ? (*unit)->name : unit_code;

  bool lapsed = false;
  auto open = open_session(actor.id, lapsed);
  if (!open) return open.error();
  auto already = [&](const ports::PresenceSession& session) {
    return Error(ErrorCode::conflict,
                 Text{fmt::format("Anda sudah presensi masuk sejak {} di {}.",
                                  command_center::wall_clock(session.checked_in_at,
                                                             command_center::zone_of(*unit ? (*unit)->time_zone : "")),
                                  session.unit_code),
                      fmt::format("You are checked in already, since {} at {}.",
                                  command_center::wall_clock(session.checked_in_at,
                                                             command_center::zone_of(*unit ? (*unit)->time_zone : "")),
                                  session.unit_code)});
  };
  if (*open) return already(**open);

  auto verdict = dp::judge_position(**fence, *position);
  if (!verdict.inside) return dp::outside_geofence(verdict, **fence, unit_name);

  const auto now = clock_.now();
  ports::PresenceSession session;
  session.user_id = actor.id;
  session.unit_code = unit_code;
  session.checked_in_at = now;
  session.check_in_distance_m = metres(verdict.distance_m);
  session.check_in_accuracy_m = metres(position->accuracy_m);
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto id = tx.presence().check_in(session);
    if (!id) return id.error();
    session.id = *id;
    auto closed = tx.alerts().close(domain::alerts::to_string(domain::alerts::AlertKind::unstaffed),
                                    domain::alerts::unit_subject(unit_code), now);
    if (!closed) return closed.error();
    auto audited = audit::record_audit(
        tx, {now, audit::audit_name(actor), "presence.checked_in", "unit:" + unit_code,
             fmt::format("distance {} m, accuracy {} m", session.check_in_distance_m, session.check_in_accuracy_m),
             request.ip});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) {
    if (written.error().code() == ErrorCode::conflict) {
      // Another check-in of the same person won the race.
      auto other = storage_.presence().open_session(actor.id);
      if (other && *other) return already(**other);
    }
    return written.error();
  }
  return PresenceView{std::move(session), unit_name, (*fence)->radius_m};
}

Result<PresenceView> PresenceRecorder::check_out(const da::Actor& actor, const CheckOutRequest& request) {
  if (!is_staff(actor)) {
    return Error(ErrorCode::forbidden, Text{"Presensi hanya untuk petugas.", "Only staff members check in."});
  }
  std::optional<dp::Position> position;
  if (request.latitude || request.longitude || request.accuracy_m) {
    auto checked = dp::check_position(request.latitude.value_or(NAN), request.longitude.value_or(NAN),
                                      request.accuracy_m.value_or(NAN));
    if (!checked) return checked.error();
    position = *checked;
  }
  bool lapsed = false;
  auto open = open_session(actor.id, lapsed);
  if (!open) return open.error();
  if (!*open) {
    if (lapsed) {
      return Error(ErrorCode::conflict, Text{"Presensi masuk Anda sudah berakhir sendiri setelah 12 jam.",
                                             "Your check-in ended by itself after 12 hours."});
    }
    return not_checked_in();
  }
  auto session = **open;
  std::optional<int> distance;
  std::optional<int> accuracy;
  if (position) {
    auto fence = storage_.presence().geofence(session.unit_code);
    if (!fence) return fence.error();
    if (*fence) distance = metres(dp::judge_position(**fence, *position).distance_m);
    accuracy = metres(position->accuracy_m);
  }
  const auto now = clock_.now();
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto ended = tx.presence().check_out(session.id, now, distance, accuracy, "check_out");
    if (!ended) return ended.error();
    if (!*ended) return not_checked_in();
    std::string detail =
        distance ? fmt::format("distance {} m, accuracy {} m", *distance, *accuracy) : std::string("no position");
    auto audited = audit::record_audit(
        tx, {now, audit::audit_name(actor), "presence.checked_out", "unit:" + session.unit_code, detail, request.ip});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  session.checked_out_at = now;
  session.check_out_distance_m = distance;
  session.check_out_accuracy_m = accuracy;
  session.ended_by = "check_out";
  return view_of(std::move(session));
}

Result<std::optional<PresenceView>> PresenceRecorder::current(const da::Actor& actor) {
  if (!is_staff(actor)) return std::optional<PresenceView>();
  bool lapsed = false;
  auto open = open_session(actor.id, lapsed);
  if (!open) return open.error();
  if (!*open) return std::optional<PresenceView>();
  auto view = view_of(std::move(**open));
  if (!view) return view.error();
  return std::optional<PresenceView>(std::move(*view));
}

}  // namespace sigap::app::presence
