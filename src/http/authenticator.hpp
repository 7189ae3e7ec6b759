#pragma once

#include <optional>
#include <string>

#include "app/identity/resolve_actor.hpp"
#include "http/message.hpp"

namespace sigap::http {

/// The name of the session cookie.
inline constexpr std::string_view kSessionCookie = "sigap_session";

/// Finds who a request comes from: the session cookie, or an API key in
/// "Authorization: Bearer". Neither present: anonymous. Thread-safe.
class Authenticator {
 public:
  Authenticator(app::ports::Storage& storage, const Clock& clock, app::identity::SessionPolicy policy)
      : storage_(storage), clock_(clock), policy_(policy) {}

  /// `unauthenticated` when a credential was given and is not (or no longer) valid.
  Result<app::identity::Authenticated> authenticate(const Request& request) const;

  [[nodiscard]] const app::identity::SessionPolicy& policy() const { return policy_; }

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::identity::SessionPolicy policy_;
};

/// The value of cookie `name` in the request's Cookie header(s).
std::optional<std::string> cookie_value(const Request& request, std::string_view name);

/// Set-Cookie for a new session: HttpOnly, SameSite=Lax, Path=/, Secure when the request came
/// over TLS (directly or, behind a proxy, X-Forwarded-Proto: https), lasting `max_age`.
std::string session_cookie(const Request& request, const std::string& token, std::chrono::seconds max_age);
/// Set-Cookie that removes the session cookie.
std::string expired_session_cookie(const Request& request);

}  // namespace sigap::http
