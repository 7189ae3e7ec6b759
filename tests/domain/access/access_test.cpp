// The policy as a table: a role on a unit covers its sub-units; leaders read everything and
// change nothing; API keys do only what their scopes say.
#include "domain/access/access.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::access {
namespace {

const Resource kKelurahan1001{{"pemkot-palembang", "kecamatan-16.71.01", "kelurahan-16.71.01.1001"}};
const Resource kKelurahan1002{{"pemkot-palembang", "kecamatan-16.71.01", "kelurahan-16.71.01.1002"}};
const Resource kOtherKecamatan{{"pemkot-palembang", "kecamatan-16.71.07", "kelurahan-16.71.07.1005"}};
const Resource kPupr{{"pemkot-palembang", "dinas-pupr"}};

Actor staff(Role role, std::string unit) {
  Actor actor;
  actor.kind = ActorKind::staff;
  actor.id = 1;
  actor.memberships = {{std::move(unit), role}};
  return actor;
}

struct Row {
  const char* who;
  Actor actor;
  Action action;
  Resource resource;
  Decision expected;
};

class PolicyTable : public ::testing::TestWithParam<Row> {};

TEST_P(PolicyTable, Decides) {
  const auto& row = GetParam();
  EXPECT_EQ(can(row.actor, row.action, row.resource), row.expected) << row.who << " " << to_string(row.action);
}

Actor api_key(std::vector<Action> scopes) {
  Actor actor;
  actor.kind = ActorKind::api_client;
  actor.id = 7;
  actor.memberships = {{"dinas-pupr", Role::integrator}};
  actor.scopes = std::move(scopes);
  return actor;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, PolicyTable,
    ::testing::Values(
        Row{"anonymous reads public", Actor{}, Action::public_read, {}, Decision::allow},
        Row{"anonymous reads a case", Actor{}, Action::read_case, kKelurahan1001, Decision::unauthenticated},
        Row{"anonymous own account", Actor{}, Action::read_own_account, {}, Decision::unauthenticated},
        Row{"officer of 1001 reads its case", staff(Role::officer, "kelurahan-16.71.01.1001"), Action::read_case,
            kKelurahan1001, Decision::allow},
        Row{"officer of 1001 works its case", staff(Role::officer, "kelurahan-16.71.01.1001"), Action::work_case,
            kKelurahan1001, Decision::allow},
        Row{"officer of 1001 reads 1002's case", staff(Role::officer, "kelurahan-16.71.01.1001"), Action::read_case,
            kKelurahan1002, Decision::forbidden},
        Row{"officer of 1001 reads PUPR's case", staff(Role::officer, "kelurahan-16.71.01.1001"), Action::read_case,
            kPupr, Decision::forbidden},
        Row{"officer may not reassign", staff(Role::officer, "kelurahan-16.71.01.1001"), Action::reassign_case,
            kKelurahan1001, Decision::forbidden},
        Row{"kecamatan supervisor reads its kelurahan", staff(Role::supervisor, "kecamatan-16.71.01"),
            Action::read_case, kKelurahan1002, Decision::allow},
        Row{"kecamatan supervisor reassigns in its kelurahan", staff(Role::supervisor, "kecamatan-16.71.01"),
            Action::reassign_case, kKelurahan1001, Decision::allow},
        Row{"kecamatan supervisor outside its kecamatan", staff(Role::supervisor, "kecamatan-16.71.01"),
            Action::read_case, kOtherKecamatan, Decision::forbidden},
        Row{"leader reads any case", staff(Role::leader, "pemkot-palembang"), Action::read_case, kOtherKecamatan,
            Decision::allow},
        Row{"leader reads the dashboard", staff(Role::leader, "pemkot-palembang"), Action::read_dashboard, kPupr,
            Decision::allow},
        Row{"officer reads its kelurahan's dashboard", staff(Role::officer, "kelurahan-16.71.01.1001"),
            Action::read_dashboard, kKelurahan1001, Decision::allow},
        Row{"officer reads no other kelurahan's dashboard", staff(Role::officer, "kelurahan-16.71.01.1001"),
            Action::read_dashboard, kKelurahan1002, Decision::forbidden},
        Row{"kecamatan supervisor reads its kelurahan's dashboard", staff(Role::supervisor, "kecamatan-16.71.01"),
            Action::read_dashboard, kKelurahan1002, Decision::allow},
        Row{"admin reads every dashboard", staff(Role::admin, "pemkot-palembang"), Action::read_dashboard,
            kOtherKecamatan, Decision::allow},
        Row{"key with read_dashboard reads none", api_key({Action::read_dashboard}), Action::read_dashboard, kPupr,
            Decision::forbidden},
        Row{"leader never works a case", staff(Role::leader, "pemkot-palembang"), Action::work_case, kKelurahan1001,
            Decision::forbidden},
        Row{"leader never manages users", staff(Role::leader, "pemkot-palembang"), Action::manage_users, {},
            Decision::forbidden},
        Row{"admin manages users", staff(Role::admin, "pemkot-palembang"), Action::manage_users, {}, Decision::allow},
        Row{"admin reads the audit log", staff(Role::admin, "pemkot-palembang"), Action::read_audit, {},
            Decision::allow},
        Row{"admin does not read cases", staff(Role::admin, "pemkot-palembang"), Action::read_case, kKelurahan1001,
            Decision::forbidden},
        Row{"key with read_case reads PUPR's case", api_key({Action::read_case}), Action::read_case, kPupr,
            Decision::allow},
        Row{"key reads outside its unit", api_key({Action::read_case}), Action::read_case, kKelurahan1001,
            Decision::forbidden},
        Row{"key without the scope", api_key({}), Action::read_case, kPupr, Decision::forbidden},
        Row{"key with a scope its role lacks", api_key({Action::manage_users}), Action::manage_users, {},
            Decision::forbidden},
        Row{"key reads public data", api_key({}), Action::public_read, {}, Decision::allow},
        Row{"admin manages webhooks", staff(Role::admin, "pemkot-palembang"), Action::manage_webhooks, {},
            Decision::allow},
        Row{"key with manage_webhooks for its unit", api_key({Action::manage_webhooks}), Action::manage_webhooks,
            kPupr, Decision::allow},
        Row{"key with manage_webhooks outside its unit", api_key({Action::manage_webhooks}),
            Action::manage_webhooks, kKelurahan1001, Decision::forbidden},
        Row{"key without the webhook scope", api_key({Action::read_case}), Action::manage_webhooks, {},
            Decision::forbidden},
        Row{"officer manages no webhooks", staff(Role::officer, "kelurahan-16.71.01.1001"), Action::manage_webhooks,
            {}, Decision::forbidden},
        Row{"key with submit_case files a case", api_key({Action::submit_case}), Action::submit_case, {},
            Decision::allow},
        Row{"key without submit_case files none", api_key({Action::read_case}), Action::submit_case, {},
            Decision::forbidden},
        Row{"officer files no case through an integration", staff(Role::officer, "kelurahan-16.71.01.1001"),
            Action::submit_case, {}, Decision::forbidden},
        // The Command Center (issue #6)
        Row{"officer checks in at its office", staff(Role::officer, "kelurahan-16.71.01.1001"),
            Action::record_presence, kKelurahan1001, Decision::allow},
        Row{"officer checks in at no other office", staff(Role::officer, "kelurahan-16.71.01.1001"),
            Action::record_presence, kKelurahan1002, Decision::forbidden},
        Row{"kecamatan supervisor checks in within its kecamatan", staff(Role::supervisor, "kecamatan-16.71.01"),
            Action::record_presence, kKelurahan1002, Decision::allow},
        Row{"leader never checks in", staff(Role::leader, "pemkot-palembang"), Action::record_presence,
            kKelurahan1001, Decision::forbidden},
        Row{"officer reads no presence board", staff(Role::officer, "kelurahan-16.71.01.1001"),
            Action::read_presence, kKelurahan1001, Decision::forbidden},
        Row{"kecamatan supervisor reads its kelurahan's presence", staff(Role::supervisor, "kecamatan-16.71.01"),
            Action::read_presence, kKelurahan1001, Decision::allow},
        Row{"kecamatan supervisor reads no other kecamatan's presence",
            staff(Role::supervisor, "kecamatan-16.71.01"), Action::read_presence, kOtherKecamatan,
            Decision::forbidden},
        Row{"leader reads every presence", staff(Role::leader, "pemkot-palembang"), Action::read_presence,
            kOtherKecamatan, Decision::allow},
        Row{"officer sees its own cameras", staff(Role::officer, "kelurahan-16.71.01.1001"), Action::view_camera,
            kKelurahan1001, Decision::allow},
        Row{"officer sees no other kelurahan's cameras", staff(Role::officer, "kelurahan-16.71.01.1001"),
            Action::view_camera, kKelurahan1002, Decision::forbidden},
        Row{"leader sees every camera", staff(Role::leader, "pemkot-palembang"), Action::view_camera, kOtherKecamatan,
            Decision::allow},
        Row{"admin manages cameras", staff(Role::admin, "pemkot-palembang"), Action::manage_cameras, kPupr,
            Decision::allow},
        Row{"leader manages no cameras", staff(Role::leader, "pemkot-palembang"), Action::manage_cameras, kPupr,
            Decision::forbidden},
        Row{"supervisor manages no cameras", staff(Role::supervisor, "kecamatan-16.71.01"), Action::manage_cameras,
            kKelurahan1001, Decision::forbidden},
        Row{"officer reads no alerts", staff(Role::officer, "kelurahan-16.71.01.1001"), Action::read_alerts,
            kKelurahan1001, Decision::forbidden},
        Row{"kecamatan supervisor reads its alerts", staff(Role::supervisor, "kecamatan-16.71.01"),
            Action::read_alerts, kKelurahan1002, Decision::allow},
        Row{"leader reads every alert", staff(Role::leader, "pemkot-palembang"), Action::read_alerts, kPupr,
            Decision::allow},
        Row{"admin reads every alert", staff(Role::admin, "pemkot-palembang"), Action::read_alerts, kPupr,
            Decision::allow},
        Row{"kecamatan supervisor acknowledges its alerts", staff(Role::supervisor, "kecamatan-16.71.01"),
            Action::acknowledge_alert, kKelurahan1001, Decision::allow},
        Row{"kecamatan supervisor acknowledges no other kecamatan's alert",
            staff(Role::supervisor, "kecamatan-16.71.01"), Action::acknowledge_alert, kOtherKecamatan,
            Decision::forbidden},
        Row{"leader acknowledges nothing", staff(Role::leader, "pemkot-palembang"), Action::acknowledge_alert,
            kKelurahan1001, Decision::forbidden},
        Row{"key with read_case sees no camera", api_key({Action::read_case}), Action::view_camera, kPupr,
            Decision::forbidden}),
    [](const ::testing::TestParamInfo<Row>& info) {
      std::string name;
      for (const char* c = info.param.who; *c; ++c) name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
      return name;
    });

TEST(Policy, NamesRoundTrip) {
  for (auto role : {Role::officer, Role::supervisor, Role::admin, Role::leader, Role::integrator}) {
    EXPECT_EQ(role_from_string(to_string(role), "role").value(), role);
  }
  EXPECT_FALSE(role_from_string("superuser", "role").ok());
  EXPECT_EQ(role_from_string("superuser", "role").error().fields().front().field, "role");
  EXPECT_TRUE(is_write(Action::work_case));
  EXPECT_FALSE(is_write(Action::read_dashboard));
  for (auto read : {Action::read_presence, Action::view_camera, Action::read_alerts}) EXPECT_FALSE(is_write(read));
  for (auto write : {Action::record_presence, Action::manage_cameras, Action::acknowledge_alert}) {
    EXPECT_TRUE(is_write(write));
  }
  for (auto action : {Action::record_presence, Action::read_presence, Action::view_camera, Action::manage_cameras,
                      Action::read_alerts, Action::acknowledge_alert}) {
    EXPECT_EQ(action_from_string(to_string(action), "scope").value(), action);
  }
}

}  // namespace
}  // namespace sigap::domain::access

namespace sigap::domain::access {
namespace {

TEST(PolicyScope, LeadersReadEverywhereOthersWithinTheirUnits) {
  EXPECT_TRUE(scope_of(staff(Role::leader, "pemkot-palembang"), Action::read_case).everywhere);
  auto officer = scope_of(staff(Role::officer, "kelurahan-16.71.01.1001"), Action::read_case);
  EXPECT_FALSE(officer.everywhere);
  EXPECT_EQ(officer.roots, (std::vector<std::string>{"kelurahan-16.71.01.1001"}));
  auto admin = scope_of(staff(Role::admin, "pemkot-palembang"), Action::read_case);
  EXPECT_FALSE(admin.everywhere);
  EXPECT_TRUE(admin.roots.empty()) << "an admin reads no cases";
  EXPECT_TRUE(scope_of(api_key({}), Action::read_case).roots.empty()) << "a key without the scope";
  EXPECT_EQ(scope_of(api_key({Action::read_case}), Action::read_case).roots, (std::vector<std::string>{"dinas-pupr"}));
  EXPECT_FALSE(scope_of(Actor{}, Action::read_case).everywhere);
}

}  // namespace
}  // namespace sigap::domain::access
