#include "app/identity/second_factor.hpp"

#include "app/audit/record_audit.hpp"
#include "app/identity/sign_in.hpp"
#include "crypto/password_hash.hpp"
#include "crypto/recovery_codes.hpp"
#include "crypto/totp.hpp"

namespace sigap::app::identity {

namespace di = domain::identity;

namespace {

constexpr std::string_view kIssuer = "Sigap";

std::int64_t unix_seconds(TimePoint time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

// A wrong code is a problem with what was typed (422 on the field), not with who is signed in.
Error wrong_code() {
  return Error(ErrorCode::validation, Text{"Kode verifikasi salah.", "Wrong verification code."},
               {FieldError{"code", Text{"Kode verifikasi salah atau kedaluwarsa.",
                                        "The verification code is wrong or expired."}}});
}

struct SessionUser {
  di::Session session;
  di::User user;
};

Result<SessionUser> session_user(ports::Storage& storage, const Clock& clock, const std::string& token) {
  auto session = storage.credentials().find_session(session_key(token));
  if (!session) return session.error();
  if (!session->has_value() || (*session)->revoked || clock.now() >= (*session)->expires_at) {
    return Error(ErrorCode::unauthenticated, Text{"Sesi Anda telah berakhir. Silakan masuk kembali.",
                                                  "Your session has ended. Please sign in again."});
  }
  auto user = storage.users().find_by_id((*session)->user_id);
  if (!user) return user.error();
  if (!user->has_value()) return wrong_credentials();
  return SessionUser{**session, **user};
}

}  // namespace

Result<TotpEnrolment> start_totp_enrolment(ports::Storage& storage, const Clock& clock, const std::string& token) {
  auto current = session_user(storage, clock, token);
  if (!current) return current.error();
  if (current->user.totp_enabled) {
    return Error(ErrorCode::conflict, Text{"Verifikasi dua langkah sudah aktif.", "Two-step verification is already on."});
  }
  TotpEnrolment enrolment;
  enrolment.secret = crypto::new_totp_secret();
  enrolment.uri = crypto::otpauth_uri(kIssuer, current->user.email, enrolment.secret);
  auto written = storage.write([&](ports::Transaction& tx) {
    return tx.identity().set_totp(current->user.id, enrolment.secret, false);
  });
  if (!written) return written.error();
  return enrolment;
}

Result<std::vector<std::string>> confirm_totp_enrolment(ports::Storage& storage, const Clock& clock,
                                                        const std::string& token, const std::string& code) {
  auto current = session_user(storage, clock, token);
  if (!current) return current.error();
  const auto& user = current->user;
  if (user.totp_enabled) {
    return Error(ErrorCode::conflict, Text{"Verifikasi dua langkah sudah aktif.", "Two-step verification is already on."});
  }
  auto step = user.totp_secret.empty() ? std::nullopt
                                        : crypto::matching_totp_step(user.totp_secret, code, unix_seconds(clock.now()));
  if (!step) return wrong_code();
  auto codes = crypto::new_recovery_codes(10);
  std::vector<std::string> hashes;
  // Argon2id, not a bare SHA-256: a code has only 40 bits, too few against an offline search.
  for (const auto& recovery : codes) {
    auto hash = crypto::hash_password(crypto::normalize_recovery_code(recovery));
    if (!hash) return hash.error();
    hashes.push_back(*hash);
  }
  auto now = clock.now();
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto set = tx.identity().set_totp(user.id, user.totp_secret, true); !set) return set;
    if (auto advanced = tx.identity().advance_totp_step(user.id, *step); !advanced) return advanced.error();
    if (auto saved = tx.identity().replace_recovery_codes(user.id, hashes); !saved) return saved;
    if (auto done = tx.identity().mark_second_factor_done(current->session.token_hash); !done) return done;
    auto audited = audit::record_audit(tx, {now, "user:" + std::to_string(user.id), "totp.enrolled",
                                            "user:" + std::to_string(user.id), "", current->session.ip});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return codes;
}

Result<void> verify_second_factor(ports::Storage& storage, const Clock& clock, const std::string& token,
                                  const std::string& code, const std::string& ip) {
  auto current = session_user(storage, clock, token);
  if (!current) return current.error();
  const auto& user = current->user;
  auto now = clock.now();
  auto actor = "user:" + std::to_string(user.id);
  auto step = user.totp_enabled ? crypto::matching_totp_step(user.totp_secret, code, unix_seconds(now)) : std::nullopt;
  bool by_totp = step.has_value();
  // A recovery code is found by verifying it against each unused hash (at most ten).
  std::string recovery_hash;
  if (!by_totp && user.totp_enabled) {
    auto unused = storage.credentials().unused_recovery_codes(user.id);
    if (!unused) return unused.error();
    auto typed = crypto::normalize_recovery_code(code);
    for (const auto& hash : *unused) {
      if (crypto::verify_password(typed, hash)) recovery_hash = hash;
    }
  }
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    bool accepted = false;
    if (by_totp) {
      auto fresh = tx.identity().advance_totp_step(user.id, *step);  // a code is good once
      if (!fresh) return fresh.error();
      accepted = *fresh;
    } else if (!recovery_hash.empty()) {
      auto used = tx.identity().use_recovery_code(user.id, recovery_hash, now);
      if (!used) return used.error();
      accepted = *used;
    }
    if (!accepted) return wrong_code();
    if (auto done = tx.identity().mark_second_factor_done(current->session.token_hash); !done) return done;
    auto audited = audit::record_audit(tx, {now, actor, by_totp ? "login.second_factor" : "login.recovery_code",
                                            actor, "", ip});
    if (!audited) return audited.error();
    return {};
  });
  if (!written && written.error().code() == ErrorCode::validation) {
    auto audited = audit::record_audit(storage, {now, actor, "login.second_factor_failed", actor, "", ip});
    if (!audited) return audited.error();
  }
  return written;
}

}  // namespace sigap::app::identity
