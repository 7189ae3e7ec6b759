#include "http/access_gate.hpp"

#include "app/audit/record_audit.hpp"
#include "common/logging.hpp"
#include "crypto/hashing.hpp"
#include "http/problem_json.hpp"

namespace sigap::http {

namespace da = domain::access;

namespace {

bool is_safe_method(std::string_view method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

Response unauthenticated(const Request& request, const Text& detail) {
  auto response = problem_response(401, detail, request);
  response.set_header("WWW-Authenticate", "Bearer realm=\"sigap\"");
  return response;
}

}  // namespace

std::optional<Response> AccessGate::check(Request& request, const Route& route) const {
  if (!route.permission) {
    logging::app().error("route {} {} declares no permission: refused", route.method, route.pattern);
    return problem_response(Error::internal("route without permission"), request);
  }
  auto action = *route.permission;
  auto authenticated = authenticator_.authenticate(request);
  if (!authenticated) {
    // A stale cookie must not break public pages: there the caller is simply anonymous.
    if (action == da::Action::public_read) return std::nullopt;
    return unauthenticated(request, authenticated.error().message());
  }
  request.actor = authenticated->actor;
  request.session_token = authenticated->session_token;

  if (!authenticated->session_token.empty() && !is_safe_method(request.method) &&
      action != da::Action::public_read) {
    auto given = request.header(kCsrfHeader);
    if (!given || !crypto::constant_time_equal(*given, authenticated->csrf_token)) {
      return problem_response(403,
                              Text{"Token CSRF tidak ada atau salah. Muat ulang halaman lalu coba lagi.",
                                   "The CSRF token is missing or wrong. Reload the page and try again."},
                              request);
    }
  }

  switch (da::can(request.actor, action)) {
    case da::Decision::allow:
      return std::nullopt;
    case da::Decision::unauthenticated:
      return unauthenticated(request, Text{"Silakan masuk terlebih dahulu.", "Please sign in first."});
    case da::Decision::forbidden:
      break;
  }
  auto audited = app::audit::record_audit(
      storage_, {clock_.now(), app::audit::audit_name(request.actor), "access.denied",
                 "route:" + route.method + " " + route.pattern, std::string(da::to_string(action)),
                 request.remote_address});
  if (!audited) logging::app().warn("could not audit a denial: {}", audited.error().log_detail());
  Text detail{"Anda tidak berwenang melakukan ini.", "You are not allowed to do this."};
  if (authenticated->second_factor_pending) {
    detail = Text{"Masukkan kode verifikasi dua langkah terlebih dahulu.", "Enter your two-step verification code first."};
  } else if (authenticated->enrolment_required) {
    detail = Text{"Aktifkan verifikasi dua langkah (TOTP) terlebih dahulu.",
                  "Set up two-step verification (TOTP) first."};
  }
  return problem_response(403, detail, request);
}

}  // namespace sigap::http
