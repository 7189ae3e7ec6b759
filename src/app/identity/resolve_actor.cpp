#include "app/identity/resolve_actor.hpp"

#include "app/identity/api_keys.hpp"
#include "app/identity/sign_in.hpp"
#include "crypto/hashing.hpp"

namespace sigap::app::identity {

namespace da = domain::access;

namespace {

Error session_ended() {
  return Error(ErrorCode::unauthenticated, Text{"Sesi Anda telah berakhir. Silakan masuk kembali.",
                                                "Your session has ended. Please sign in again."});
}

Error bad_key() {
  return Error(ErrorCode::unauthenticated, Text{"Kunci API tidak valid, dicabut, atau kedaluwarsa.",
                                                "The API key is invalid, revoked or expired."});
}

}  // namespace

Result<Authenticated> actor_from_session(ports::Storage& storage, const Clock& clock, const SessionPolicy& policy,
                                         const std::string& token) {
  auto now = clock.now();
  auto key = session_key(token);
  // The session with its user in one read (a round trip less on PostgreSQL, on every request).
  auto found = storage.users().find_by_session(key);
  if (!found) return found.error();
  if (!found->has_value()) return session_ended();
  const auto& session = (*found)->session;
  if (session.revoked || now >= session.expires_at || now - session.last_seen_at >= policy.idle) {
    return session_ended();
  }
  const auto& user = (*found)->user;
  if (user.disabled) return session_ended();

  if (now - session.last_seen_at >= policy.touch_every) {
    auto touched = storage.write([&](ports::Transaction& tx) { return tx.identity().touch_session(key, now); });
    if (!touched) return touched.error();
  }
  Authenticated result;
  result.actor.kind = user.kind == domain::identity::UserKind::citizen ? da::ActorKind::citizen
                                                                          : da::ActorKind::staff;
  result.actor.id = user.id;
  result.actor.name = user.display_name;
  result.csrf_token = session.csrf_token;
  result.session_token = token;
  result.second_factor_pending = !session.second_factor_done;
  result.enrolment_required = !user.totp_enabled && user.requires_second_factor();
  if (!result.second_factor_pending && !result.enrolment_required) result.actor.memberships = user.memberships;
  return result;
}

Result<Authenticated> actor_from_api_key(ports::Storage& storage, const Clock& clock, const std::string& bearer) {
  auto parts = parse_api_key(bearer);
  if (!parts) return bad_key();
  auto found = storage.credentials().find_api_key(parts->prefix);
  if (!found) return found.error();
  if (!found->has_value()) return bad_key();
  const auto& key = **found;
  if (key.revoked || clock.now() >= key.expires_at ||
      !crypto::constant_time_equal(crypto::sha256_hex(parts->secret), key.secret_hash)) {
    return bad_key();
  }
  Authenticated result;
  result.actor.kind = da::ActorKind::api_client;
  result.actor.id = key.id;
  result.actor.name = key.name;
  result.actor.memberships = {da::Membership{key.unit_code, da::Role::integrator}};
  result.actor.scopes = key.scopes;
  return result;
}

}  // namespace sigap::app::identity
