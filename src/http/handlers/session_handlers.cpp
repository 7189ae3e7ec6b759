#include "http/handlers/session_handlers.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "app/identity/register_citizen.hpp"
#include "app/identity/resolve_actor.hpp"
#include "app/identity/second_factor.hpp"
#include "app/identity/sign_in.hpp"
#include "http/authenticator.hpp"
#include "http/handlers/identity_json.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

Response SessionHandlers::sign_in(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"email", "password"});
  auto email = lower(fields.string("email", true).value_or(""));
  auto password = fields.string("password", true).value_or("");
  if (auto problem = fields.error()) return problem_response(*problem, request);

  auto account_key = "account:" + email;
  auto address_key = "ip:" + request.remote_address;
  for (const auto& key : {account_key, address_key}) {
    if (auto verdict = throttle_.check(key); !verdict.allowed) return too_many_requests(request, verdict.retry_after);
  }
  auto signed_in = app::identity::sign_in(storage_, clock_, policy_, {email, password, request.remote_address});
  if (!signed_in) {
    if (signed_in.error().code() == ErrorCode::unauthenticated) {
      throttle_.record_failure(account_key);
      throttle_.record_failure(address_key);
    }
    return problem_response(signed_in.error(), request);
  }
  throttle_.record_success(account_key);
  throttle_.record_success(address_key);
  json::object out{{"user", user_json(signed_in->user)},
                   {"csrf_token", signed_in->csrf_token},
                   {"second_factor_pending", signed_in->second_factor_pending},
                   {"second_factor_enrolment_required", signed_in->second_factor_enrolment_required}};
  auto response = json_response(json::serialize(out), 201);
  response.set_header("Set-Cookie", session_cookie(request, signed_in->token,
                                                   std::chrono::duration_cast<std::chrono::seconds>(policy_.absolute)));
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response SessionHandlers::who_am_i(const Request& request) {
  json::object out;
  if (request.actor.kind == domain::access::ActorKind::api_client) {
    out = json::object{{"kind", "api_client"}, {"id", request.actor.id}, {"name", request.actor.name}};
  } else {
    auto authenticated =
        app::identity::actor_from_session(storage_, clock_, policy_, request.session_token);
    if (!authenticated) return problem_response(authenticated.error(), request);
    auto user = storage_.users().find_by_id(request.actor.id);
    if (!user) return problem_response(user.error(), request);
    if (!user->has_value()) return problem_response(app::identity::wrong_credentials(), request);
    out = json::object{{"kind", "user"},
                       {"user", user_json(**user)},
                       {"csrf_token", authenticated->csrf_token},
                       {"second_factor_pending", authenticated->second_factor_pending},
                       {"second_factor_enrolment_required", authenticated->enrolment_required}};
  }
  auto response = json_response(json::serialize(out));
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response SessionHandlers::sign_out(const Request& request) {
  if (request.session_token.empty()) {
    return problem_response(Error(ErrorCode::invalid_input, Text{"Kunci API tidak dapat keluar; cabut kuncinya.",
                                                                 "An API key cannot sign out; revoke the key."}),
                            request);
  }
  bool everywhere = request.query_param("everywhere").value_or("") == "true";
  auto ended = app::identity::sign_out(storage_, clock_, request.session_token, everywhere);
  if (!ended) return problem_response(ended.error(), request);
  Response response;
  response.status = 204;
  response.set_header("Set-Cookie", expired_session_cookie(request));
  return response;
}

namespace {

Result<std::string> code_from(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return body.error();
  JsonFields fields(*body, {"code"});
  auto code = fields.string("code", true).value_or("");
  if (auto problem = fields.error()) return *problem;
  return code;
}

Response api_keys_have_no_session(const Request& request) {
  return problem_response(Error(ErrorCode::invalid_input, Text{"Hanya untuk sesi peramban.", "Only for browser sessions."}),
                          request);
}

}  // namespace

Response SessionHandlers::second_factor(const Request& request) {
  if (request.session_token.empty()) return api_keys_have_no_session(request);
  auto code = code_from(request);
  if (!code) return problem_response(code.error(), request);
  auto key = "second-factor:" + std::to_string(request.actor.id);
  if (auto verdict = throttle_.check(key); !verdict.allowed) return too_many_requests(request, verdict.retry_after);
  auto verified = app::identity::verify_second_factor(storage_, clock_, request.session_token, *code,
                                                      request.remote_address);
  if (!verified) {
    if (verified.error().code() == ErrorCode::validation) throttle_.record_failure(key);
    return problem_response(verified.error(), request);
  }
  throttle_.record_success(key);
  Response response;
  response.status = 204;
  return response;
}

Response SessionHandlers::register_citizen(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"email", "display_name", "password", "phone", "nik"});
  app::identity::CitizenRegistration registration;
  registration.phone = fields.string("phone", false).value_or("");
  registration.nik = fields.string("nik", false).value_or("");
  registration.email = fields.string("email", true).value_or("");
  registration.display_name = fields.string("display_name", true).value_or("");
  registration.password = fields.string("password", true).value_or("");
  registration.ip = request.remote_address;
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto user = app::identity::register_citizen(storage_, clock_, registration);
  if (!user) return problem_response(user.error(), request);
  return json_response(json::serialize(user_json(*user)), 201);
}

Response SessionHandlers::start_totp(const Request& request) {
  if (request.session_token.empty()) return api_keys_have_no_session(request);
  auto enrolment = app::identity::start_totp_enrolment(storage_, clock_, request.session_token);
  if (!enrolment) return problem_response(enrolment.error(), request);
  auto response = json_response(json::serialize(json::object{{"secret", enrolment->secret}, {"uri", enrolment->uri}}), 201);
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response SessionHandlers::confirm_totp(const Request& request) {
  if (request.session_token.empty()) return api_keys_have_no_session(request);
  auto code = code_from(request);
  if (!code) return problem_response(code.error(), request);
  auto codes = app::identity::confirm_totp_enrolment(storage_, clock_, request.session_token, *code);
  if (!codes) return problem_response(codes.error(), request);
  json::array list;
  for (const auto& recovery : *codes) list.emplace_back(recovery);
  auto response = json_response(json::serialize(json::object{{"recovery_codes", std::move(list)}}));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace sigap::http::handlers
