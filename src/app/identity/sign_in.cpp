#include "app/identity/sign_in.hpp"

#include <algorithm>
#include <cctype>

#include "app/audit/record_audit.hpp"
#include "crypto/hashing.hpp"
#include "crypto/password_hash.hpp"
#include "crypto/random.hpp"

namespace sigap::app::identity {

namespace di = domain::identity;

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

Error wrong_credentials() {
  return Error(ErrorCode::unauthenticated, Text{"E-mail atau kata sandi salah.", "Wrong e-mail or password."});
}

std::string session_key(const std::string& token) { return crypto::sha256_hex(token); }

Result<SignedIn> sign_in(ports::Storage& storage, const Clock& clock, const SessionPolicy& policy,
                         const SignInRequest& request) {
  auto now = clock.now();
  auto found = storage.users().find_by_email(lower(request.email));
  if (!found) return found.error();
  const auto& user = *found;
  // Always verify against some hash, so a missing account costs the same time.
  bool password_ok = crypto::verify_password(request.password, user ? user->password_hash : crypto::decoy_password_hash());
  if (!user || !password_ok || user->disabled) {
    domain::audit::AuditRecord record{now, "anonymous", "login.failed",
                                      user ? "user:" + std::to_string(user->id) : std::string("unknown-account"),
                                      user && user->disabled ? "account disabled" : "", request.ip};
    if (auto audited = audit::record_audit(storage, record); !audited) return audited.error();
    return wrong_credentials();
  }

  SignedIn signed_in;
  signed_in.token = crypto::random_token(32);
  signed_in.csrf_token = crypto::random_token(24);
  signed_in.user = *user;
  signed_in.second_factor_pending = user->totp_enabled;
  signed_in.second_factor_enrolment_required = !user->totp_enabled && user->requires_second_factor();

  di::Session session;
  session.token_hash = session_key(signed_in.token);
  session.user_id = user->id;
  session.csrf_token = signed_in.csrf_token;
  session.second_factor_done = !user->totp_enabled;
  session.created_at = now;
  session.last_seen_at = now;
  session.expires_at = now + policy.absolute;
  session.ip = request.ip;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto created = tx.identity().create_session(session); !created) return created.error();
    auto audited = audit::record_audit(tx, {now, "user:" + std::to_string(user->id), "login.succeeded",
                                            "user:" + std::to_string(user->id), "", request.ip});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return signed_in;
}

Result<void> sign_out(ports::Storage& storage, const Clock& clock, const std::string& token, bool everywhere) {
  auto now = clock.now();
  auto key = session_key(token);
  auto session = storage.credentials().find_session(key);
  if (!session) return session.error();
  if (!session->has_value()) return {};
  auto user_id = (*session)->user_id;
  return storage.write([&](ports::Transaction& tx) -> Result<void> {
    auto revoked = everywhere ? tx.identity().revoke_user_sessions(user_id, now) : tx.identity().revoke_session(key, now);
    if (!revoked) return revoked;
    auto audited = audit::record_audit(tx, {now, "user:" + std::to_string(user_id),
                                            everywhere ? "logout.everywhere" : "logout",
                                            "user:" + std::to_string(user_id), "", (*session)->ip});
    if (!audited) return audited.error();
    return {};
  });
}

}  // namespace sigap::app::identity
