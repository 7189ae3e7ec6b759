#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"

// The staff accounts `sigap demo` offers so a visitor can sign in at once: one for a unit of
// each kind (a kelurahan, a kecamatan, a dinas, the city), plus the city's leader.
namespace sigap::app::identity {

struct DemoUser {
  std::string email;
  std::string display_name;
  domain::access::Membership membership;
};

/// The demo accounts, in the order they are shown.
const std::vector<DemoUser>& demo_users();

/// A demo account as `sigap demo` shows it.
struct DemoAccount {
  std::string email;
  std::string membership;      // "officer@kelurahan-16.71.01.1001"
  std::string password;        // empty when the account already existed and `known_passwords` lacks it
  bool created = false;        // created by this call (its password is new unless it was known)
  bool second_factor = false;  // asked to set up TOTP at first sign-in (admin, leader)
};

/// E-mail -> password, as kept beside the data by the caller.
using DemoPasswords = std::map<std::string, std::string, std::less<>>;

/// Creates each demo account that does not exist yet (the demo may run again on the same
/// database); existing accounts are left as they are, whatever their state. A new account gets
/// the password `known_passwords` holds for its e-mail, or else a fresh random_password(). The
/// passwords are only ever hashed in storage: the caller keeps the returned ones if it wants to
/// show them again. Precondition: the demo master data is loaded (the units exist), else a
/// `validation` error names the unit. Each creation is audited as `by`.
Result<std::vector<DemoAccount>> ensure_demo_users(ports::Storage& storage, const Clock& clock,
                                                   const DemoPasswords& known_passwords, const std::string& by);

}  // namespace sigap::app::identity
