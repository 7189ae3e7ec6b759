#pragma once

#include <string>

#include "app/identity/session_policy.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"

namespace sigap::app::identity {

struct SignInRequest {
  std::string email;
  std::string password;
  std::string ip;
};

/// A new session. `token` goes into the cookie and is never stored; `csrf_token` must come back
/// in the X-CSRF-Token header of every cookie-authenticated write.
struct SignedIn {
  std::string token;
  std::string csrf_token;
  domain::identity::User user;
  bool second_factor_pending = false;  // TOTP enrolled: the code is still to be given
  bool second_factor_enrolment_required = false;  // admin/leader without TOTP: enrol first
};

/// Checks the password (Argon2id) and opens a session. A wrong e-mail, a wrong password and a
/// disabled account give the same `unauthenticated`-kind error (ErrorCode::validation is not
/// used, so nobody learns which accounts exist), and take the same time. Audited either way.
Result<SignedIn> sign_in(ports::Storage& storage, const Clock& clock, const SessionPolicy& policy,
                         const SignInRequest& request);

/// Ends the session (`everywhere`: every session of its user). Audited.
Result<void> sign_out(ports::Storage& storage, const Clock& clock, const std::string& token, bool everywhere);

/// The SHA-256 under which a session token is stored.
std::string session_key(const std::string& token);

/// The error every failed sign-in gets.
Error wrong_credentials();

}  // namespace sigap::app::identity
