#include "http/handlers/admin_handlers.hpp"

#include <charconv>

#include <boost/json.hpp>

#include "app/audit/record_audit.hpp"
#include "app/identity/api_keys.hpp"
#include "common/time_format.hpp"
#include "http/handlers/identity_json.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace da = domain::access;

namespace {

std::optional<std::int64_t> id_param(const Request& request) {
  auto text = request.path_param("id");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

Response bad_id(const Request& request) {
  return problem_response(Error(ErrorCode::not_found, Text{"Tidak ditemukan.", "Not found."}), request);
}

Response no_content() {
  Response response;
  response.status = 204;
  return response;
}

std::string by(const Request& request) { return app::audit::audit_name(request.actor); }

Result<std::vector<da::Membership>> memberships_from(const json::value* value, JsonFields& fields) {
  std::vector<da::Membership> memberships;
  if (!value) return memberships;
  if (!value->is_array()) {
    fields.add_problem("memberships", Text{"Harus berupa daftar.", "Must be a list."});
    return memberships;
  }
  for (std::size_t i = 0; i < value->as_array().size(); ++i) {
    const auto& item = value->as_array()[i];
    auto field = "memberships[" + std::to_string(i) + "]";
    if (!item.is_object() || !item.as_object().if_contains("unit_code") ||
        !item.as_object().at("unit_code").is_string() || !item.as_object().if_contains("role") ||
        !item.as_object().at("role").is_string()) {
      fields.add_problem(field, Text{"Butuh unit_code dan role.", "Needs unit_code and role."});
      continue;
    }
    auto role = da::role_from_string(std::string(item.as_object().at("role").as_string()), field + ".role");
    if (!role) {
      fields.add_problem(field + ".role", role.error().fields().front().message);
      continue;
    }
    memberships.push_back({std::string(item.as_object().at("unit_code").as_string()), *role});
  }
  return memberships;
}

}  // namespace

Response AdminHandlers::list_users(const Request& request) {
  auto users = users_.list();
  if (!users) return problem_response(users.error(), request);
  json::array items;
  for (const auto& user : *users) items.push_back(user_json(user));
  auto count = items.size();
  return json_response(json::serialize(json::object{{"items", std::move(items)}, {"count", count}}));
}

Response AdminHandlers::create_user(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"email", "display_name", "password", "memberships"});
  app::identity::NewUser user;
  user.email = fields.string("email", true).value_or("");
  user.display_name = fields.string("display_name", true).value_or("");
  user.password = fields.string("password", true).value_or("");
  auto memberships = memberships_from(body->if_contains("memberships"), fields);
  if (auto problem = fields.error()) return problem_response(*problem, request);
  user.memberships = *memberships;
  auto created = users_.create(user, by(request));
  if (!created) return problem_response(created.error(), request);
  auto response = json_response(json::serialize(user_json(*created)), 201);
  response.set_header("Location", "/api/v1/users/" + std::to_string(created->id));
  return response;
}

Response AdminHandlers::disable_user(const Request& request) {
  auto id = id_param(request);
  if (!id) return bad_id(request);
  auto done = users_.set_disabled(*id, true, by(request));
  return done ? no_content() : problem_response(done.error(), request);
}

Response AdminHandlers::enable_user(const Request& request) {
  auto id = id_param(request);
  if (!id) return bad_id(request);
  auto done = users_.set_disabled(*id, false, by(request));
  return done ? no_content() : problem_response(done.error(), request);
}

Response AdminHandlers::reset_password(const Request& request) {
  auto id = id_param(request);
  if (!id) return bad_id(request);
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"password"});
  auto password = fields.string("password", true).value_or("");
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto done = users_.reset_password(*id, password, by(request));
  return done ? no_content() : problem_response(done.error(), request);
}

Response AdminHandlers::change_membership(const Request& request, bool add) {
  auto id = id_param(request);
  if (!id) return bad_id(request);
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"unit_code", "role"});
  auto unit = fields.string("unit_code", true).value_or("");
  auto role_text = fields.string("role", true).value_or("");
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto role = da::role_from_string(role_text, "role");
  if (!role) return problem_response(role.error(), request);
  auto done = add ? users_.grant(*id, {unit, *role}, by(request)) : users_.revoke(*id, {unit, *role}, by(request));
  return done ? no_content() : problem_response(done.error(), request);
}

Response AdminHandlers::grant(const Request& request) { return change_membership(request, true); }
Response AdminHandlers::revoke(const Request& request) { return change_membership(request, false); }

Response AdminHandlers::list_api_keys(const Request& request) {
  auto keys = storage_.credentials().list_api_keys();
  if (!keys) return problem_response(keys.error(), request);
  json::array items;
  for (const auto& key : *keys) items.push_back(api_key_json(key));
  auto count = items.size();
  return json_response(json::serialize(json::object{{"items", std::move(items)}, {"count", count}}));
}

Response AdminHandlers::create_api_key(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"name", "unit_code", "scopes", "days"});
  app::identity::NewApiKey key;
  key.name = fields.string("name", true).value_or("");
  key.unit_code = fields.string("unit_code", true).value_or("");
  if (auto days = fields.integer("days", false)) {
    if (*days < 1 || *days > 730) {
      fields.add_problem("days", Text{"Antara 1 dan 730 hari.", "Between 1 and 730 days."});
    } else {
      key.lifetime = std::chrono::hours(24 * *days);
    }
  }
  const auto* scopes = body->if_contains("scopes");
  if (!scopes || !scopes->is_array()) {
    fields.add_problem("scopes", Text{"Daftar izin wajib diisi.", "A list of scopes is required."});
  } else {
    for (const auto& scope : scopes->as_array()) {
      auto action = scope.is_string() ? da::action_from_string(std::string(scope.as_string()), "scopes")
                                      : Result<da::Action>(Error(ErrorCode::validation, Text{"", ""}, {}));
      if (!action) {
        fields.add_problem("scopes", Text{"Izin tidak dikenal.", "Unknown scope."});
      } else {
        key.scopes.push_back(*action);
      }
    }
  }
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto created = app::identity::create_api_key(storage_, clock_, key, by(request));
  if (!created) return problem_response(created.error(), request);
  auto out = api_key_json(created->key);
  out["token"] = created->token;  // shown once
  auto response = json_response(json::serialize(out), 201);
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response AdminHandlers::revoke_api_key(const Request& request) {
  auto id = id_param(request);
  if (!id) return bad_id(request);
  auto done = app::identity::revoke_api_key(storage_, clock_, *id, by(request));
  return done ? no_content() : problem_response(done.error(), request);
}

Response AdminHandlers::list_audit(const Request& request) {
  app::ports::AuditFilter filter;
  std::vector<FieldError> problems;
  if (auto action = request.query_param("action")) filter.action = std::string(*action);
  if (auto actor = request.query_param("actor")) filter.actor = std::string(*actor);
  auto time_param = [&](std::string_view name, std::optional<TimePoint>& out) {
    if (auto text = request.query_param(name)) {
      out = parse_utc(*text);
      if (!out) problems.push_back({std::string(name), Text{"Format waktu: 2026-11-26T06:25:00Z.",
                                                            "Time format: 2026-11-26T06:25:00Z."}});
    }
  };
  time_param("since", filter.since);
  time_param("until", filter.until);
  auto int_param = [&](std::string_view name, auto& out, std::int64_t low, std::int64_t high) {
    if (auto text = request.query_param(name)) {
      std::int64_t value = 0;
      auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
      if (ec != std::errc() || end != text->data() + text->size() || value < low || value > high) {
        problems.push_back({std::string(name), Text{"Angka di luar batas.", "Number out of range."}});
      } else {
        out = static_cast<std::remove_reference_t<decltype(out)>>(value);
      }
    }
  };
  int_param("after", filter.after_seq, 0, INT64_MAX);
  int_param("limit", filter.limit, 1, 1000);
  if (!problems.empty()) {
    return problem_response(Error(ErrorCode::validation, Text{"Filter tidak valid.", "Invalid filter."}, problems),
                            request);
  }
  auto entries = storage_.audit().list(filter);
  if (!entries) return problem_response(entries.error(), request);
  json::array items;
  for (const auto& entry : *entries) {
    items.push_back(json::object{{"seq", entry.seq},
                                 {"at", format_utc(entry.record.at)},
                                 {"actor", entry.record.actor},
                                 {"action", entry.record.action},
                                 {"target", entry.record.target},
                                 {"detail", entry.record.detail},
                                 {"ip", entry.record.ip},
                                 {"hash", entry.hash}});
  }
  auto count = items.size();
  return json_response(json::serialize(json::object{{"items", std::move(items)}, {"count", count}}));
}

}  // namespace sigap::http::handlers
