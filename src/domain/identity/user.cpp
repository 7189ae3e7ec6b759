#include "domain/identity/user.hpp"

#include <algorithm>

namespace sigap::domain::identity {

bool User::requires_second_factor() const {
  return kind == UserKind::staff &&
         (std::any_of(memberships.begin(), memberships.end(), [](const access::Membership& m) {
           return m.role == access::Role::admin || m.role == access::Role::leader;
         }));
}

}  // namespace sigap::domain::identity
