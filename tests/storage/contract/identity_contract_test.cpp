// Users, sessions, keys and the audit chain on every backend.
#include <thread>
#include <tuple>

#include "app/audit/record_audit.hpp"
#include "app/audit/verify_audit_chain.hpp"
#include "app/master_data/demo_data.hpp"
#include "common/time_format.hpp"
#include "storage/contract/storage_backends.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;
namespace di = domain::identity;
using IdentityContract = StorageContract;

const TimePoint kNow = *parse_utc("2026-11-26T07:00:00Z");

di::User staff_user(std::string email) {
  di::User user;
  user.email = std::move(email);
  user.display_name = "Petugas";
  user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  user.created_at = kNow;
  user.password_changed_at = kNow;
  user.memberships = {{"kelurahan-16.71.01.1001", da::Role::officer}, {"dinas-pupr", da::Role::supervisor}};
  return user;
}

Result<std::int64_t> create(app::ports::Storage& storage, const di::User& user) {
  std::int64_t id = 0;
  auto written = storage.write([&](app::ports::Transaction& tx) -> Result<void> {
    auto created = tx.identity().create_user(user);
    if (!created) return created.error();
    id = *created;
    return {};
  });
  if (!written) return written.error();
  return id;
}

class IdentityContractWithUnits : public IdentityContract {
 protected:
  void SetUp() override {
    IdentityContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  }
};

TEST_P(IdentityContractWithUnits, AUserAndItsMembershipsRoundTrip) {
  auto id = create(*storage_, staff_user("petugas@palembang.go.id"));
  ASSERT_TRUE(id.ok()) << id.error().log_detail();
  auto found = storage_->users().find_by_email("petugas@palembang.go.id");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  auto expected = staff_user("petugas@palembang.go.id");
  EXPECT_EQ((*found)->id, *id);
  EXPECT_EQ((*found)->password_hash, expected.password_hash);
  EXPECT_EQ((*found)->created_at, kNow);
  ASSERT_EQ((*found)->memberships.size(), 2U);
  EXPECT_EQ((*found)->memberships[0], (da::Membership{"dinas-pupr", da::Role::supervisor}));
  EXPECT_EQ((*found)->memberships[1], (da::Membership{"kelurahan-16.71.01.1001", da::Role::officer}));
  auto path = storage_->units().path_to("kelurahan-16.71.01.1001");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(*path, (std::vector<std::string>{"pemkot-palembang", "kecamatan-16.71.01", "kelurahan-16.71.01.1001"}));
}

TEST_P(IdentityContractWithUnits, ADuplicateEmailOrAnUnknownUnitIsAConflictAndKeepsNothing) {
  ASSERT_TRUE(create(*storage_, staff_user("a@palembang.go.id")).ok());
  auto duplicate = create(*storage_, staff_user("a@palembang.go.id"));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code(), ErrorCode::conflict);
  auto orphan = staff_user("b@palembang.go.id");
  orphan.memberships = {{"no-such-unit", da::Role::officer}};
  auto refused = create(*storage_, orphan);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::conflict);
  auto missing = storage_->users().find_by_email("b@palembang.go.id");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value()) << "the user row of the failed transaction must not stay";
}

TEST_P(IdentityContractWithUnits, SessionsAreFoundByHashAndRevokedForTheWholeUser) {
  auto id = create(*storage_, staff_user("s@palembang.go.id"));
  ASSERT_TRUE(id.ok());
  for (const auto* hash : {"hash-one", "hash-two"}) {
    di::Session session{hash, *id, "csrf", false, kNow, kNow, kNow + std::chrono::hours(12), "10.0.0.1", false};
    ASSERT_TRUE(storage_->write([&](app::ports::Transaction& tx) { return tx.identity().create_session(session); }).ok());
  }
  auto found = storage_->credentials().find_session("hash-one");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->expires_at, kNow + std::chrono::hours(12));
  EXPECT_FALSE((*found)->revoked);
  ASSERT_TRUE(storage_->write([&](app::ports::Transaction& tx) { return tx.identity().revoke_user_sessions(*id, kNow); }).ok());
  for (const auto* hash : {"hash-one", "hash-two"}) {
    auto session = storage_->credentials().find_session(hash);
    ASSERT_TRUE(session.ok() && session->has_value());
    EXPECT_TRUE((*session)->revoked) << hash;
  }
}

TEST_P(IdentityContractWithUnits, ASessionIsReadWithItsUserAndTheUsersMembershipsInOneRead) {
  // find_by_session (every signed-in request) must give what find_session and find_by_id give.
  auto id = create(*storage_, staff_user("m@palembang.go.id"));
  ASSERT_TRUE(id.ok());
  auto bare = staff_user("tanpa-unit@palembang.go.id");
  bare.memberships.clear();
  auto bare_id = create(*storage_, bare);
  ASSERT_TRUE(bare_id.ok());
  for (const auto& [hash, user] : {std::pair{"hash-m", *id}, std::pair{"hash-bare", *bare_id}}) {
    // Created a minute after the user: the two created_at columns must not be mixed up.
    di::Session session{hash, user, "csrf-" + std::string(hash), true, kNow + std::chrono::minutes(1),
                        kNow + std::chrono::minutes(5),
                        kNow + std::chrono::hours(12), "10.0.0.2", false};
    ASSERT_TRUE(storage_->write([&](app::ports::Transaction& tx) { return tx.identity().create_session(session); }).ok());
  }
  for (const auto* hash : {"hash-m", "hash-bare"}) {
    auto signed_in = storage_->users().find_by_session(hash);
    ASSERT_TRUE(signed_in.ok()) << signed_in.error().log_detail();
    ASSERT_TRUE(signed_in->has_value()) << hash;
    auto session = storage_->credentials().find_session(hash);
    ASSERT_TRUE(session.ok() && session->has_value());
    auto session_of = [](const di::Session& s) {
      return std::tuple(s.token_hash, s.user_id, s.csrf_token, s.second_factor_done, s.created_at, s.last_seen_at,
                        s.expires_at, s.ip, s.revoked);
    };
    EXPECT_EQ(session_of((*signed_in)->session), session_of(**session)) << hash;
    auto user = storage_->users().find_by_id((*signed_in)->session.user_id);
    ASSERT_TRUE(user.ok() && user->has_value());
    EXPECT_EQ((*signed_in)->user.email, (*user)->email) << hash;
    EXPECT_EQ((*signed_in)->user.created_at, (*user)->created_at) << "the user's, not the session's";
    EXPECT_EQ((*signed_in)->user.memberships, (*user)->memberships) << hash;
  }
  EXPECT_EQ(storage_->users().find_by_session("hash-m")->value().user.memberships.size(), 2U);
  EXPECT_TRUE(storage_->users().find_by_session("hash-bare")->value().user.memberships.empty());
  auto unknown = storage_->users().find_by_session("no-such-hash");
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->has_value());
}

TEST_P(IdentityContractWithUnits, ARecoveryCodeWorksOnce) {
  auto id = create(*storage_, staff_user("r@palembang.go.id"));
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(storage_->write([&](app::ports::Transaction& tx) {
                  return tx.identity().replace_recovery_codes(*id, {"code-a", "code-b"});
                }).ok());
  auto use = [&](const std::string& hash) {
    bool used = false;
    EXPECT_TRUE(storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
                          auto result = tx.identity().use_recovery_code(*id, hash, kNow);
                          if (!result) return result.error();
                          used = *result;
                          return {};
                        }).ok());
    return used;
  };
  EXPECT_TRUE(use("code-a"));
  EXPECT_FALSE(use("code-a"));
  EXPECT_FALSE(use("code-x"));
  EXPECT_TRUE(use("code-b"));
}

TEST_P(IdentityContract, ConcurrentAuditAppendsFormOneUnbrokenChain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 15; ++i) {
        auto audited = app::audit::record_audit(
            *storage_, {kNow, "user:" + std::to_string(t), "test.event", "thing:" + std::to_string(i), "", "10.0.0.1"});
        EXPECT_TRUE(audited.ok());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  auto report = app::audit::verify_audit_chain(*storage_);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->entries, 60);
  EXPECT_TRUE(report->intact()) << report->problem;
}

// A raw connection below the Storage port, to tamper as an intruder with database access would.
std::unique_ptr<storage::sql::SqlConnection> raw(const std::string& url) {
  if (url.starts_with("sqlite:")) {
    auto opened = storage::sqlite::SqliteConnection::open(url.substr(7), false);
    return std::move(opened).value();
  }
  auto connected = storage::postgres::PgConnection::connect(url);
  return std::move(connected).value();
}

TEST_P(IdentityContract, VerificationNamesTheFirstAlteredOrRemovedEntry) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(app::audit::record_audit(*storage_, {kNow, "cli", "user.created", "user:" + std::to_string(i), "", ""}).ok());
  }
  ASSERT_TRUE(app::audit::verify_audit_chain(*storage_)->intact());
  auto connection = raw(url());
  ASSERT_TRUE(connection->query("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 3", {}).ok());
  auto altered = app::audit::verify_audit_chain(*storage_);
  ASSERT_TRUE(altered.ok());
  ASSERT_FALSE(altered->intact());
  EXPECT_EQ(*altered->first_broken, 3);
  // Restore it, then remove the last entry instead.
  ASSERT_TRUE(connection->query("UPDATE audit_log SET detail = '' WHERE seq = 3", {}).ok());
  ASSERT_TRUE(app::audit::verify_audit_chain(*storage_)->intact());
  ASSERT_TRUE(connection->query("DELETE FROM audit_log WHERE seq = 5", {}).ok());
  auto removed = app::audit::verify_audit_chain(*storage_);
  ASSERT_TRUE(removed.ok());
  ASSERT_FALSE(removed->intact());
  EXPECT_EQ(*removed->first_broken, 5);
}

SIGAP_STORAGE_CONTRACT(IdentityContract);
SIGAP_STORAGE_CONTRACT(IdentityContractWithUnits);

}  // namespace
}  // namespace sigap::testing
