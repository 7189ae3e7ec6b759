#pragma once

#include <string>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/identity/user.hpp"

namespace sigap::app::identity {

struct CitizenRegistration {
  std::string email;
  std::string display_name;
  std::string password;
  std::string phone;  // optional
  std::string nik;    // optional
  std::string ip;
};

/// Opens an optional citizen account (reporting and tracking need none; an account lists the
/// citizen's own reports). Same checks as staff accounts (e-mail, name, password policy); no
/// roles. Audited as the new user.
Result<domain::identity::User> register_citizen(ports::Storage& storage, const Clock& clock,
                                                const CitizenRegistration& registration);

}  // namespace sigap::app::identity
