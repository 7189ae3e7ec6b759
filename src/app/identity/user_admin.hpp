#pragma once

#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/identity/user.hpp"

namespace sigap::app::identity {

struct NewUser {
  std::string email;
  std::string display_name;
  std::string password;
  domain::identity::UserKind kind = domain::identity::UserKind::staff;
  std::vector<domain::access::Membership> memberships;
  std::string phone;  // optional: digits, spaces, dashes, an optional leading +; 8-15 digits
  std::string nik;    // optional: 16 digits
};

/// The administration of accounts (admin API and `sigap user ...`). Every change is audited
/// under `by` ("user:3", "cli"). Passwords must pass the policy (at least 10 characters, not a
/// common password, not the e-mail); unknown units and duplicate e-mails are refused with a
/// field error. Thread-safe (holds references only).
class UserAdmin {
 public:
  UserAdmin(ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  Result<domain::identity::User> create(const NewUser& request, const std::string& by);
  Result<std::vector<domain::identity::User>> list();
  /// Disabling also ends every session of the user.
  Result<void> set_disabled(std::int64_t user_id, bool disabled, const std::string& by);
  /// Sets a new password and ends every session of the user.
  Result<void> reset_password(std::int64_t user_id, const std::string& password, const std::string& by);
  Result<void> grant(std::int64_t user_id, const domain::access::Membership& membership, const std::string& by);
  Result<void> revoke(std::int64_t user_id, const domain::access::Membership& membership, const std::string& by);
  /// By id, or by e-mail when `key` is not a number.
  Result<domain::identity::User> find(std::string_view key);

 private:
  Result<void> check_unit(const std::string& unit_code, std::string_view field);

  ports::Storage& storage_;
  const Clock& clock_;
};

/// A user as the API and the CLI show it (no hash, no TOTP secret).
std::string describe_memberships(const domain::identity::User& user);

}  // namespace sigap::app::identity
