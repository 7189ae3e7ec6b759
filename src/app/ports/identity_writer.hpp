#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/identity/user.hpp"

namespace sigap::app::ports {

/// Writes users, memberships, sessions, recovery codes and API keys inside a Transaction.
/// A duplicate e-mail or an unknown unit is a `conflict`; an unknown user id is `not_found`.
class IdentityWriter {
 public:
  virtual ~IdentityWriter() = default;
  /// Inserts the user and its memberships; returns the id.
  virtual Result<std::int64_t> create_user(const domain::identity::User& user) = 0;
  virtual Result<void> set_password(std::int64_t user_id, const std::string& hash, TimePoint at) = 0;
  virtual Result<void> set_disabled(std::int64_t user_id, bool disabled) = 0;
  virtual Result<void> set_totp(std::int64_t user_id, const std::string& secret, bool enabled) = 0;
  /// Records `step` as the last TOTP step used, only when it is later than the one recorded;
  /// false when it is not (the code was already used: a replay).
  virtual Result<bool> advance_totp_step(std::int64_t user_id, std::int64_t step) = 0;
  virtual Result<void> add_membership(std::int64_t user_id, const domain::access::Membership& membership) = 0;
  /// `not_found` when the user does not hold that membership.
  virtual Result<void> remove_membership(std::int64_t user_id, const domain::access::Membership& membership) = 0;

  virtual Result<void> create_session(const domain::identity::Session& session) = 0;
  virtual Result<void> touch_session(const std::string& token_hash, TimePoint at) = 0;
  virtual Result<void> mark_second_factor_done(const std::string& token_hash) = 0;
  virtual Result<void> revoke_session(const std::string& token_hash, TimePoint at) = 0;
  /// Ends every session of the user (log out everywhere, disable, password reset).
  virtual Result<void> revoke_user_sessions(std::int64_t user_id, TimePoint at) = 0;

  /// Replaces the user's recovery codes with these hashes.
  virtual Result<void> replace_recovery_codes(std::int64_t user_id, const std::vector<std::string>& code_hashes) = 0;
  /// Marks the unused code with this stored hash as used; false when there is no such unused code.
  virtual Result<bool> use_recovery_code(std::int64_t user_id, const std::string& code_hash, TimePoint at) = 0;

  virtual Result<std::int64_t> create_api_key(const domain::identity::ApiKey& key) = 0;
  /// `not_found` when no active key has this id (so nothing is audited for it).
  virtual Result<void> revoke_api_key(std::int64_t id, TimePoint at) = 0;
};

}  // namespace sigap::app::ports
