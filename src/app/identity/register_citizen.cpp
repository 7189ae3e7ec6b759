#include "app/identity/register_citizen.hpp"

#include "app/identity/user_admin.hpp"

namespace sigap::app::identity {

Result<domain::identity::User> register_citizen(ports::Storage& storage, const Clock& clock,
                                                const CitizenRegistration& registration) {
  UserAdmin accounts(storage, clock);
  NewUser user{registration.email, registration.display_name, registration.password,
               domain::identity::UserKind::citizen, {}, registration.phone, registration.nik};
  return accounts.create(user, "self-registration:" + registration.ip);
}

}  // namespace sigap::app::identity
