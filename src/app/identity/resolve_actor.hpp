#pragma once

#include <optional>
#include <string>

#include "app/identity/session_policy.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"

namespace sigap::app::identity {

/// Who a request comes from, and how it proved it.
struct Authenticated {
  domain::access::Actor actor;
  std::string csrf_token;              // set for cookie sessions: writes must echo it
  std::string session_token;           // the cookie's token (for sign-out)
  bool second_factor_pending = false;  // TOTP enrolled and not yet given in this session
  bool enrolment_required = false;     // admin/leader without TOTP: may only enrol
};

/// The actor behind a session cookie. A missing, revoked, idle-expired or absolutely expired
/// session, or a disabled user, is `unauthenticated` with a message saying to sign in again.
/// Until the second factor is done (or enrolled where required) the actor carries no
/// memberships, so the policy allows it nothing but its own account. Refreshes last_seen at
/// most every `policy.touch_every`.
Result<Authenticated> actor_from_session(ports::Storage& storage, const Clock& clock, const SessionPolicy& policy,
                                         const std::string& token);

/// The actor behind "Authorization: Bearer sgp_<prefix>_<secret>". Unknown, revoked or expired
/// keys are `unauthenticated`.
Result<Authenticated> actor_from_api_key(ports::Storage& storage, const Clock& clock, const std::string& bearer);

}  // namespace sigap::app::identity
