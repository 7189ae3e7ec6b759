#pragma once

#include <optional>

#include "app/ports/storage.hpp"
#include "http/authenticator.hpp"
#include "http/router.hpp"

namespace sigap::http {

/// Stands between the router and every handler: finds the actor, asks the policy whether it may
/// do what the route declares, and checks CSRF on cookie-authenticated writes. Answers 401 for
/// anonymous callers (and credentials that expired), 403 for signed-in ones, and a 500 for a
/// route that declares no permission (fail closed). Denials of signed-in callers are audited.
/// Thread-safe.
class AccessGate {
 public:
  AccessGate(const Authenticator& authenticator, app::ports::Storage& storage, const Clock& clock)
      : authenticator_(authenticator), storage_(storage), clock_(clock) {}

  /// nullopt: go on (request.actor and request.session_token are set). Otherwise the refusal.
  std::optional<Response> check(Request& request, const Route& route) const;

 private:
  const Authenticator& authenticator_;
  app::ports::Storage& storage_;
  const Clock& clock_;
};

/// The header that must carry the session's CSRF token on cookie-authenticated writes.
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

}  // namespace sigap::http
