#include "app/identity/demo_users.hpp"

#include "app/identity/random_password.hpp"
#include "app/identity/user_admin.hpp"

namespace sigap::app::identity {

namespace da = domain::access;

const std::vector<DemoUser>& demo_users() {
  static const std::vector<DemoUser> users{
      {"petugas.kelurahan@demo.sigap.id", "Petugas Kelurahan (demo)", {"kelurahan-16.71.01.1001", da::Role::officer}},
      {"supervisor.kecamatan@demo.sigap.id",
       "Supervisor Kecamatan (demo)",
       {"kecamatan-16.71.01", da::Role::supervisor}},
      {"petugas.pupr@demo.sigap.id", "Petugas Dinas PUPR (demo)", {"dinas-pupr", da::Role::officer}},
      {"admin@demo.sigap.id", "Admin Kota (demo)", {"pemkot-palembang", da::Role::admin}},
      {"walikota@demo.sigap.id", "Wali Kota (demo)", {"pemkot-palembang", da::Role::leader}},
  };
  return users;
}

Result<std::vector<DemoAccount>> ensure_demo_users(ports::Storage& storage, const Clock& clock,
                                                   const DemoPasswords& known_passwords, const std::string& by) {
  UserAdmin admin(storage, clock);
  std::vector<DemoAccount> accounts;
  for (const auto& user : demo_users()) {
    DemoAccount account;
    account.email = user.email;
    account.membership = std::string(da::to_string(user.membership.role)) + "@" + user.membership.unit_code;
    account.second_factor = user.membership.role == da::Role::admin || user.membership.role == da::Role::leader;
    if (auto known = known_passwords.find(user.email); known != known_passwords.end()) account.password = known->second;
    auto existing = storage.users().find_by_email(user.email);
    if (!existing) return existing.error();
    if (!existing->has_value()) {
      if (account.password.empty()) account.password = random_password();
      auto created = admin.create(
          {user.email, user.display_name, account.password, domain::identity::UserKind::staff, {user.membership}}, by);
      if (!created) return created.error();
      account.created = true;
    }
    accounts.push_back(std::move(account));
  }
  return accounts;
}

}  // namespace sigap::app::identity
