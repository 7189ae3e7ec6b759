#include "http/handlers/presence_handlers.hpp"

#include <cmath>

#include <boost/json.hpp>

#include "app/audit/record_audit.hpp"
#include "common/time_format.hpp"
#include "http/handlers/integration_query.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace ports = app::ports;

namespace {

json::value time_or_null(const std::optional<TimePoint>& time) {
  return time ? json::value(format_utc(*time)) : json::value(nullptr);
}

json::value int_or_null(const std::optional<int>& value) { return value ? json::value(*value) : json::value(nullptr); }

double hours(domain::presence::Duration duration) {
  const double exact = std::chrono::duration<double, std::ratio<3600>>(duration).count();
  return std::round(exact * 100) / 100;
}

json::object session_json(const app::presence::PresenceView& view) {
  const auto& session = view.session;
  return json::object{{"id", session.id},
                      {"unit_code", session.unit_code},
                      {"unit_name", view.unit_name},
                      {"radius_m", view.radius_m},
                      {"checked_in_at", format_utc(session.checked_in_at)},
                      {"check_in_distance_m", session.check_in_distance_m},
                      {"check_in_accuracy_m", session.check_in_accuracy_m},
                      {"checked_out_at", time_or_null(session.checked_out_at)},
                      {"check_out_distance_m", int_or_null(session.check_out_distance_m)},
                      {"check_out_accuracy_m", int_or_null(session.check_out_accuracy_m)},
                      {"ended_by", session.ended_by.empty() ? json::value(nullptr) : json::value(session.ended_by)}};
}

json::value geofence_json(const std::optional<domain::presence::Geofence>& fence) {
  if (!fence) return nullptr;
  return json::object{
      {"latitude", fence->office.latitude}, {"longitude", fence->office.longitude}, {"radius_m", fence->radius_m}};
}

Response no_store(json::object body, int status = 200) {
  auto response = json_response(json::serialize(body), status);
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

Response PresenceHandlers::check_in(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"latitude", "longitude", "accuracy_m", "unit_code"});
  auto latitude = fields.number("latitude", true);
  auto longitude = fields.number("longitude", true);
  auto accuracy = fields.number("accuracy_m", true);
  auto unit = fields.string("unit_code", false);
  if (auto problem = fields.error()) return problem_response(*problem, request);
  app::presence::CheckInRequest check_in{*latitude, *longitude, *accuracy, unit.value_or(""), request.remote_address};
  auto done = recorder_.check_in(request.actor, check_in);
  if (!done) return problem_response(done.error(), request);
  return no_store(session_json(*done), 201);
}

Response PresenceHandlers::check_out(const Request& request) {
  json::object empty;
  Result<json::object> body = request.body.empty() ? Result<json::object>(empty) : parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"latitude", "longitude", "accuracy_m"});
  app::presence::CheckOutRequest check_out;
  check_out.latitude = fields.number("latitude", false);
  check_out.longitude = fields.number("longitude", false);
  check_out.accuracy_m = fields.number("accuracy_m", false);
  check_out.ip = request.remote_address;
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto done = recorder_.check_out(request.actor, check_out);
  if (!done) return problem_response(done.error(), request);
  return no_store(session_json(*done));
}

Response PresenceHandlers::mine(const Request& request) {
  auto current = recorder_.current(request.actor);
  if (!current) return problem_response(current.error(), request);
  return no_store(json::object{{"session", *current ? json::value(session_json(**current)) : json::value(nullptr)}});
}

Response PresenceHandlers::board(const Request& request) {
  ListQuery query(request, {"unit"});
  if (auto problem = query.error()) return problem_response(*problem, request);
  auto offices = board_.offices(request.actor, std::string(query.text("unit").value_or("")));
  if (!offices) return problem_response(offices.error(), request);
  json::array items;
  for (const auto& office : *offices) {
    json::array in;
    for (const auto& person : office.checked_in) {
      in.push_back(json::object{{"user_id", person.user_id},
                                {"name", person.name},
                                {"since", format_utc(person.since)},
                                {"distance_m", person.distance_m}});
    }
    items.push_back(json::object{{"unit_code", office.unit.code},
                                 {"unit_name", office.unit.name},
                                 {"unit_type", domain::master_data::to_string(office.unit.type)},
                                 {"parent_code", office.unit.parent_code},
                                 {"office", geofence_json(office.geofence)},
                                 {"serving_now", office.serving_now},
                                 {"staffed_now", in.size()},
                                 {"checked_in", std::move(in)},
                                 {"unstaffed_since", time_or_null(office.unstaffed_since)},
                                 {"week_start", format_utc(office.week_start)},
                                 {"hours_staffed_week", hours(office.staffed_week)},
                                 {"service_hours_week", hours(office.service_week)},
                                 {"service_hours_staffed_week", hours(office.staffed_service_week)}});
  }
  return no_store(json::object{{"items", std::move(items)}});
}

Response PresenceHandlers::get_geofence(const Request& request) {
  auto found = geofences_.get(request.path_param("id"));
  if (!found) return problem_response(found.error(), request);
  json::object out{
      {"unit_code", found->unit_code}, {"latitude", nullptr}, {"longitude", nullptr}, {"radius_m", nullptr}};
  if (found->geofence) {
    out["latitude"] = found->geofence->office.latitude;
    out["longitude"] = found->geofence->office.longitude;
    out["radius_m"] = found->geofence->radius_m;
  }
  return json_response(json::serialize(out));
}

Response PresenceHandlers::put_geofence(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"latitude", "longitude", "radius_m"});
  app::presence::GeofenceForm form;
  form.latitude = fields.number("latitude", false);
  form.longitude = fields.number("longitude", false);
  form.radius_m = fields.number("radius_m", false);
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto fence =
      geofences_.set(request.path_param("id"), form, app::audit::audit_name(request.actor), request.remote_address);
  if (!fence) return problem_response(fence.error(), request);
  units_.invalidate();
  return json_response(json::serialize(json::object{{"unit_code", fence->unit_code},
                                                    {"latitude", fence->office.latitude},
                                                    {"longitude", fence->office.longitude},
                                                    {"radius_m", fence->radius_m}}));
}

}  // namespace sigap::http::handlers
