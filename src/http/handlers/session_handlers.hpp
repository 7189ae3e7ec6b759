#pragma once

#include "app/identity/session_policy.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"
#include "http/rate_limiter.hpp"

namespace sigap::http::handlers {

/// POST /api/v1/session (sign in), GET (who am I), DELETE (sign out; ?everywhere=true ends
/// every session of the user), and two-step verification. Sign-in attempts are throttled per account and per address with
/// growing waits (429 with Retry-After).
class SessionHandlers {
 public:
  SessionHandlers(app::ports::Storage& storage, const Clock& clock, app::identity::SessionPolicy policy)
      : storage_(storage), clock_(clock), policy_(policy), throttle_(clock) {}

  Response sign_in(const Request& request);
  Response who_am_i(const Request& request);
  Response sign_out(const Request& request);
  /// POST /api/v1/session/second-factor {code}: a TOTP code or a recovery code.
  Response second_factor(const Request& request);
  /// POST /api/v1/session/totp: a new secret to enrol; POST .../totp/confirm {code}: activate.
  Response start_totp(const Request& request);
  Response confirm_totp(const Request& request);
  /// POST /api/v1/citizens {email, display_name, password}: an optional citizen account.
  Response register_citizen(const Request& request);

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::identity::SessionPolicy policy_;
  LoginThrottle throttle_;
};

}  // namespace sigap::http::handlers
