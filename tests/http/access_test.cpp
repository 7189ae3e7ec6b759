// Who may call what, end to end: the route table declares a permission for every route, and a
// matrix runs anonymous and every role against every protected route over real HTTP.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "app/identity/api_keys.hpp"
#include "app/identity/user_admin.hpp"
#include "crypto/totp.hpp"
#include "support/fake_clock.hpp"
#include "support/http_client.hpp"
#include "support/personal_data_sentinels.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;

constexpr std::string_view kPassword = "Sungai-Musi-2026!";

// A signed-in client: the session cookie and its CSRF token, or an API key.
struct Caller {
  std::string role;
  std::vector<std::string> headers;  // Cookie + X-CSRF-Token, or Authorization
};

TestServerOptions generous_limits(const Clock* clock = nullptr) {
  TestServerOptions options;
  options.clock = clock;
  options.rate_limits[http::RateBudget::login] = http::BucketPolicy{1000, 100};
  return options;
}

class AccessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    clock_ = new FakeClock(std::chrono::system_clock::now());
    server_ = new TestServer(generous_limits(clock_));
    app::identity::UserAdmin admin(server_->storage(), *clock_);
    auto add = [&](const std::string& email, da::Role role, const std::string& unit) {
      auto user = admin.create({email, email, std::string(kPassword), domain::identity::UserKind::staff, {{unit, role}}},
                               "test");
      EXPECT_TRUE(user.ok()) << (user.ok() ? "" : user.error().message().en);
      return user.ok() ? user->id : 0;
    };
    add("officer@test.id", da::Role::officer, "kelurahan-16.71.01.1001");
    add("supervisor@test.id", da::Role::supervisor, "kecamatan-16.71.01");
    auto admin_id = add("admin@test.id", da::Role::admin, "pemkot-palembang");
    auto leader_id = add("leader@test.id", da::Role::leader, "pemkot-palembang");
    for (auto id : {admin_id, leader_id}) {
      auto set = server_->storage().write(
          [&](app::ports::Transaction& tx) { return tx.identity().set_totp(id, std::string(kTotpSecret), true); });
      EXPECT_TRUE(set.ok());
    }
    auto key = app::identity::create_api_key(server_->storage(), *clock_,
                                             {"Aplikasi PUPR", "dinas-pupr", {da::Action::read_case}}, "test");
    EXPECT_TRUE(key.ok());
    api_key_ = new std::string(key.ok() ? key->token : "");
  }

  static void TearDownTestSuite() {
    delete server_;
    delete clock_;
    delete api_key_;
  }

  static std::string current_code() {
    auto secret = crypto::base32_decode(kTotpSecret);
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(clock_->now().time_since_epoch()).count();
    return crypto::totp_code(*secret, seconds);
  }

  // Signs in over HTTP (and gives the TOTP code where the account has one).
  static Caller sign_in(const std::string& role) {
    if (role == "integrator") return {role, {"Authorization: Bearer " + *api_key_}};
    HttpClient client(server_->base_url());
    auto response = client.post_json("/api/v1/session",
                                      R"({"email":")" + role + R"(@test.id","password":")" + std::string(kPassword) + "\"}");
    EXPECT_EQ(response.status, 201) << response.body;
    auto cookie = response.header("set-cookie");
    auto token = cookie.substr(0, cookie.find(';'));
    auto csrf = std::string(response.json().as_object().at("csrf_token").as_string());
    Caller caller{role, {"Cookie: " + token, "X-CSRF-Token: " + csrf}};
    if (response.json().as_object().at("second_factor_pending").as_bool()) {
      clock_->advance(std::chrono::seconds(30));  // each TOTP step is accepted once per account
      auto headers = caller.headers;
      headers.emplace_back("Content-Type: application/json");
      auto verified = client.request("POST", "/api/v1/session/second-factor",
                                     R"({"code":")" + current_code() + "\"}", headers);
      EXPECT_EQ(verified.status, 204) << verified.body;
    }
    return caller;
  }

  static constexpr std::string_view kTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  static inline FakeClock* clock_ = nullptr;
  static inline TestServer* server_ = nullptr;
  static inline std::string* api_key_ = nullptr;
};

TEST_F(AccessTest, EveryRouteInTheTableDeclaresAPermission) {
  const auto& routes = server_->service().router().routes();
  ASSERT_FALSE(routes.empty());
  for (const auto& route : routes) {
    EXPECT_TRUE(route.permission.has_value()) << route.method << " " << route.pattern << " declares no permission";
  }
}

// The expected matrix, written by hand (not derived from the policy table): who may pass the
// gate of each protected route. Everything not listed for a role is refused.
const std::map<std::string, std::set<std::string>>& expected_matrix() {
  static const std::set<std::string> signed_in{"officer", "supervisor", "admin", "leader", "integrator"};
  static const std::map<std::string, std::set<std::string>> matrix{
      {"GET /api/v1/session", signed_in},
      {"GET /api/v1/me/complaints", signed_in},
      {"POST /api/v1/session/second-factor", signed_in},
      {"POST /api/v1/session/totp", signed_in},
      {"POST /api/v1/session/totp/confirm", signed_in},
      {"GET /api/v1/users", {"admin"}},
      {"POST /api/v1/users", {"admin"}},
      {"POST /api/v1/users/{id}/disable", {"admin"}},
      {"POST /api/v1/users/{id}/enable", {"admin"}},
      {"PUT /api/v1/users/{id}/password", {"admin"}},
      {"POST /api/v1/users/{id}/memberships", {"admin"}},
      {"DELETE /api/v1/users/{id}/memberships", {"admin"}},
      {"GET /api/v1/api-keys", {"admin"}},
      {"POST /api/v1/api-keys", {"admin"}},
      {"DELETE /api/v1/api-keys/{id}", {"admin"}},
      {"GET /api/v1/audit", {"admin"}},
      {"GET /api/v1/sla-policies", {"admin"}},
      {"PUT /api/v1/sla-policies", {"admin"}},
      {"GET /api/v1/calendar/days", {"admin"}},
      {"POST /api/v1/calendar/days", {"admin"}},
      {"POST /api/v1/calendar/years/{year}/complete", {"admin"}},
      {"GET /api/v1/complaints", {"officer", "supervisor", "leader", "integrator"}},
      {"GET /api/v1/complaints/counts", {"officer", "supervisor", "leader", "integrator"}},
      {"GET /api/v1/complaints/{id}", {"officer", "supervisor", "leader", "integrator"}},
      {"GET /api/v1/complaints/{id}/events", {"officer", "supervisor", "leader", "integrator"}},
      {"GET /api/v1/complaints/{id}/photos/{n}", {"officer", "supervisor", "leader", "integrator"}},
      {"POST /api/v1/complaints/{id}/actions", {"officer", "supervisor"}},
      {"POST /api/v1/complaints/{id}/reveal", {"officer", "supervisor"}},
      {"GET /api/v1/routing-rules", {"admin"}},
      {"PUT /api/v1/routing-rules", {"admin"}},
      {"DELETE /api/v1/routing-rules", {"admin"}},
      {"POST /api/v1/units", {"admin"}},
      {"PUT /api/v1/units/{id}", {"admin"}},
      {"POST /api/v1/categories", {"admin"}},
      {"PUT /api/v1/categories/{id}", {"admin"}},
      {"POST /api/v1/complaints/{id}/messages", {"officer", "supervisor"}},
      {"POST /api/v1/complaints/{id}/photos", {"officer", "supervisor"}},
      {"GET /api/v1/webhooks", {"admin"}},  // and keys with the manage_webhooks scope (this one lacks it)
      {"POST /api/v1/webhooks", {"admin"}},
      {"GET /api/v1/webhooks/{id}", {"admin"}},
      {"PUT /api/v1/webhooks/{id}", {"admin"}},
      {"DELETE /api/v1/webhooks/{id}", {"admin"}},
      {"GET /api/v1/webhook-deliveries", {"admin"}},
      {"GET /api/v1/webhook-deliveries/{id}", {"admin"}},
      {"POST /api/v1/webhook-deliveries/{id}/redeliver", {"admin"}},
      {"GET /api/v1/notification-templates", {"admin"}},
      {"PUT /api/v1/notification-templates", {"admin"}},
      {"GET /api/v1/notifications", {"admin"}},
      // The Command Center (issue #6)
      {"POST /api/v1/presence/check-in", {"officer", "supervisor"}},
      {"POST /api/v1/presence/check-out", {"officer", "supervisor"}},
      {"GET /api/v1/presence/me", {"officer", "supervisor"}},
      {"GET /api/v1/presence", {"supervisor", "leader"}},
      {"GET /api/v1/units/{id}/geofence", {"admin"}},
      {"PUT /api/v1/units/{id}/geofence", {"admin"}},
      {"GET /api/v1/cameras", {"officer", "supervisor", "leader", "admin"}},
      {"POST /api/v1/cameras", {"admin"}},
      {"GET /api/v1/cameras/{id}", {"officer", "supervisor", "leader", "admin"}},
      {"PUT /api/v1/cameras/{id}", {"admin"}},
      {"DELETE /api/v1/cameras/{id}", {"admin"}},
      {"GET /api/v1/cameras/{id}/snapshot", {"officer", "supervisor", "leader", "admin"}},
      {"GET /api/v1/alerts", {"supervisor", "leader", "admin"}},
      {"POST /api/v1/alerts/{id}/acknowledge", {"supervisor", "admin"}},
      {"GET /api/v1/dashboard/summary", {"officer", "supervisor", "leader", "admin"}},
      {"GET /api/v1/stream", {"officer", "supervisor", "leader", "integrator"}},  // 426 without the upgrade
  };
  return matrix;
}

TEST_F(AccessTest, EveryRoleAgainstEveryProtectedRoute) {
  std::vector<Caller> callers{{"anonymous", {}}};
  for (const auto* role : {"officer", "supervisor", "admin", "leader", "integrator"}) callers.push_back(sign_in(role));
  const auto& matrix = expected_matrix();
  std::size_t checked = 0;
  for (const auto& route : server_->service().router().routes()) {
    auto name = route.method + " " + route.pattern;
    if (route.permission == da::Action::public_read) continue;
    if (name == "DELETE /api/v1/session") continue;  // signs the caller out: its own test below
    auto expected = matrix.find(name);
    ASSERT_NE(expected, matrix.end()) << name << " is protected but missing from the expected matrix";
    std::string path = route.pattern;
    if (auto at = path.find("{id}"); at != std::string::npos) path.replace(at, 4, "999999");
    if (auto at = path.find("{n}"); at != std::string::npos) path.replace(at, 3, "1");
    for (const auto& caller : callers) {
      HttpClient client(server_->base_url());
      auto headers = caller.headers;
      std::string body;
      if (route.body == http::BodyKind::json) {
        headers.emplace_back("Content-Type: application/json");
        body = "{}";
      }
      auto response = client.request(route.method, path, body, headers);
      bool allowed = expected->second.count(caller.role) > 0;
      if (caller.role == "anonymous") {
        EXPECT_EQ(response.status, 401) << name << " as anonymous: " << response.body;
      } else if (allowed) {
        EXPECT_NE(response.status, 401) << name << " as " << caller.role << ": " << response.body;
        EXPECT_NE(response.status, 403) << name << " as " << caller.role << ": " << response.body;
      } else {
        EXPECT_EQ(response.status, 403) << name << " as " << caller.role << ": " << response.body;
      }
      EXPECT_EQ(response.header("content-type").find("application/problem+json") == 0,
                response.status >= 400)
          << name << " as " << caller.role;
      ++checked;
    }
  }
  EXPECT_GE(checked, 6U * 14U);
}

TEST_F(AccessTest, ALeaderReadsButEveryWriteIsRefused) {
  auto leader = sign_in("leader");
  HttpClient client(server_->base_url());
  EXPECT_EQ(client.get("/api/v1/session", leader.headers).status, 200);
  auto headers = leader.headers;
  headers.emplace_back("Content-Type: application/json");
  auto created = client.request("POST", "/api/v1/users",
                                R"({"email":"x@test.id","display_name":"X","password":"Sungai-Musi-2026!"})", headers);
  EXPECT_EQ(created.status, 403);
  EXPECT_EQ(client.request("POST", "/api/v1/api-keys", "{}", headers).status, 403);
}

TEST_F(AccessTest, ACookieWriteWithoutTheCsrfTokenIsRefusedAndChangesNothing) {
  auto admin = sign_in("admin");
  HttpClient client(server_->base_url());
  std::vector<std::string> without_csrf{admin.headers[0], "Content-Type: application/json"};
  auto created = client.request(
      "POST", "/api/v1/users",
      R"({"email":"csrf@test.id","display_name":"C","password":"Sungai-Musi-2026!","memberships":[]})", without_csrf);
  EXPECT_EQ(created.status, 403) << created.body;
  auto users = server_->storage().users().find_by_email("csrf@test.id");
  ASSERT_TRUE(users.ok());
  EXPECT_FALSE(users->has_value());
  auto with_csrf = admin.headers;
  with_csrf.emplace_back("Content-Type: application/json");
  auto ok = client.request(
      "POST", "/api/v1/users",
      R"({"email":"csrf@test.id","display_name":"C","password":"Sungai-Musi-2026!","memberships":[]})", with_csrf);
  EXPECT_EQ(ok.status, 201) << ok.body;
}

TEST_F(AccessTest, AdminWithoutTheSecondFactorMayDoNothingButFinishSigningIn) {
  HttpClient client(server_->base_url());
  auto response =
      client.post_json("/api/v1/session", R"({"email":"admin@test.id","password":")" + std::string(kPassword) + "\"}");
  ASSERT_EQ(response.status, 201);
  EXPECT_TRUE(response.json().as_object().at("second_factor_pending").as_bool());
  auto cookie = response.header("set-cookie");
  std::vector<std::string> headers{"Cookie: " + cookie.substr(0, cookie.find(';'))};
  auto users = client.get("/api/v1/users", headers);
  EXPECT_EQ(users.status, 403);
  EXPECT_NE(users.body.find("dua langkah"), std::string::npos) << users.body;  // "verifikasi dua langkah"
  auto english = headers;
  english.emplace_back("Accept-Language: en");
  EXPECT_NE(client.get("/api/v1/users", english).body.find("two-step"), std::string::npos);
}

TEST_F(AccessTest, SigningOutEndsTheSessionForEveryTabThatUsedIt) {
  auto officer = sign_in("officer");
  HttpClient tab_one(server_->base_url()), tab_two(server_->base_url());
  EXPECT_EQ(tab_two.get("/api/v1/session", officer.headers).status, 200);
  auto out = tab_one.request("DELETE", "/api/v1/session", "", officer.headers);
  EXPECT_EQ(out.status, 204) << out.body;
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  auto after = tab_two.get("/api/v1/session", officer.headers);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.header("content-type").find("application/problem+json"), 0U);
}

TEST_F(AccessTest, AnIdleSessionExpiresAndSaysSo) {
  auto officer = sign_in("officer");
  HttpClient client(server_->base_url());
  EXPECT_EQ(client.get("/api/v1/session", officer.headers).status, 200);
  clock_->advance(std::chrono::minutes(31));
  auto expired = client.get("/api/v1/session", officer.headers);
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.body.find("berakhir"), std::string::npos) << expired.body;  // "Sesi Anda telah berakhir"
  // A stale cookie does not break public pages.
  EXPECT_EQ(client.get("/api/v1/categories", officer.headers).status, 200);
}

TEST_F(AccessTest, AWrongUserAndAWrongPasswordGetTheSameAnswer) {
  HttpClient client(server_->base_url());
  auto wrong_user = client.post_json("/api/v1/session", R"({"email":"nobody@test.id","password":"Sungai-Musi-2026!"})");
  auto wrong_password = client.post_json("/api/v1/session", R"({"email":"officer@test.id","password":"wrong-wrong-1"})");
  EXPECT_EQ(wrong_user.status, 401);
  EXPECT_EQ(wrong_password.status, 401);
  EXPECT_EQ(wrong_user.json().as_object().at("detail"), wrong_password.json().as_object().at("detail"));
}

TEST_F(AccessTest, EveryResponseCarriesTheSecurityHeaders) {
  HttpClient client(server_->base_url());
  for (const auto* path : {"/healthz", "/api/v1/categories", "/api/v1/users", "/no/such/page"}) {
    auto response = client.get(path);
    EXPECT_EQ(response.header("x-content-type-options"), "nosniff") << path;
    EXPECT_NE(response.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_FALSE(response.header("referrer-policy").empty()) << path;
  }
}

TEST_F(AccessTest, AnAdminEnrolsTotpAndACodeOrARecoveryCodeWorksOnlyOnce) {
  app::identity::UserAdmin admin(server_->storage(), *clock_);
  ASSERT_TRUE(admin
                  .create({"new-admin@test.id", "New admin", std::string(kPassword), domain::identity::UserKind::staff,
                           {{"pemkot-palembang", da::Role::admin}}},
                          "test")
                  .ok());
  HttpClient client(server_->base_url());
  auto sign_in_body = R"({"email":"new-admin@test.id","password":")" + std::string(kPassword) + "\"}";
  auto first = client.post_json("/api/v1/session", sign_in_body);
  ASSERT_EQ(first.status, 201);
  EXPECT_TRUE(first.json().as_object().at("second_factor_enrolment_required").as_bool());
  auto cookie = first.header("set-cookie");
  std::vector<std::string> headers{"Cookie: " + cookie.substr(0, cookie.find(';')),
                                   "X-CSRF-Token: " + std::string(first.json().as_object().at("csrf_token").as_string()),
                                   "Content-Type: application/json"};
  EXPECT_EQ(client.get("/api/v1/users", headers).status, 403) << "no admin work before enrolment";

  auto enrolment = client.request("POST", "/api/v1/session/totp", "", headers);
  ASSERT_EQ(enrolment.status, 201) << enrolment.body;
  auto secret = std::string(enrolment.json().as_object().at("secret").as_string());
  EXPECT_EQ(std::string(enrolment.json().as_object().at("uri").as_string()).rfind("otpauth://totp/", 0), 0U);
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(clock_->now().time_since_epoch()).count();
  auto code = crypto::totp_code(*crypto::base32_decode(secret), seconds);
  EXPECT_EQ(client.request("POST", "/api/v1/session/totp/confirm", R"({"code":"000000"})", headers).status, 422);
  auto confirmed = client.request("POST", "/api/v1/session/totp/confirm", R"({"code":")" + code + "\"}", headers);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  auto confirmed_json = confirmed.json();
  const auto& codes = confirmed_json.as_object().at("recovery_codes").as_array();
  ASSERT_EQ(codes.size(), 10U);
  EXPECT_EQ(client.get("/api/v1/users", headers).status, 200) << "enrolled and verified";

  // A new sign-in: the code already used is refused (no replay); a recovery code works once.
  auto sign_in_again = [&] {
    auto again = client.post_json("/api/v1/session", sign_in_body);
    EXPECT_EQ(again.status, 201);
    EXPECT_TRUE(again.json().as_object().at("second_factor_pending").as_bool());
    auto next_cookie = again.header("set-cookie");
    return std::vector<std::string>{
        "Cookie: " + next_cookie.substr(0, next_cookie.find(';')),
        "X-CSRF-Token: " + std::string(again.json().as_object().at("csrf_token").as_string()),
        "Content-Type: application/json"};
  };
  auto second = sign_in_again();
  EXPECT_EQ(client.request("POST", "/api/v1/session/second-factor", R"({"code":")" + code + "\"}", second).status, 422);
  auto recovery = std::string(codes[0].as_string());
  EXPECT_EQ(client.request("POST", "/api/v1/session/second-factor", R"({"code":")" + recovery + "\"}", second).status,
            204);
  EXPECT_EQ(client.get("/api/v1/users", second).status, 200);
  auto third = sign_in_again();
  EXPECT_EQ(client.request("POST", "/api/v1/session/second-factor", R"({"code":")" + recovery + "\"}", third).status,
            422)
      << "a recovery code is good once";
  clock_->advance(std::chrono::seconds(30));
  seconds = std::chrono::duration_cast<std::chrono::seconds>(clock_->now().time_since_epoch()).count();
  auto next_code = crypto::totp_code(*crypto::base32_decode(secret), seconds);
  EXPECT_EQ(client.request("POST", "/api/v1/session/second-factor", R"({"code":")" + next_code + "\"}", third).status,
            204);
}

TEST_F(AccessTest, ACitizenOpensAnAccountSignsInAndMayDoNoStaffWork) {
  HttpClient client(server_->base_url());
  auto weak = client.post_json("/api/v1/citizens", R"({"email":"warga@mail.id","display_name":"Warga","password":"bismillah123"})");
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(std::string(weak.json().as_object().at("errors").as_array()[0].as_object().at("field").as_string()),
            "password");
  auto created = client.post_json("/api/v1/citizens",
                                  R"({"email":"Warga@Mail.id","display_name":"Warga","password":"Sungai-Musi-2026!"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(std::string(created.json().as_object().at("kind").as_string()), "citizen");
  EXPECT_EQ(created.body.find("password"), std::string::npos) << "no hash in the answer";
  auto signed_in = client.post_json("/api/v1/session", R"({"email":"warga@mail.id","password":"Sungai-Musi-2026!"})");
  ASSERT_EQ(signed_in.status, 201);
  auto cookie = signed_in.header("set-cookie");
  std::vector<std::string> headers{"Cookie: " + cookie.substr(0, cookie.find(';'))};
  EXPECT_EQ(client.get("/api/v1/session", headers).status, 200);
  EXPECT_EQ(client.get("/api/v1/users", headers).status, 403);
  EXPECT_EQ(client.get("/api/v1/audit", headers).status, 403);
  // Reports filed while signed in are listed in the account; anonymous ones are not theirs.
  EXPECT_EQ(client.get("/api/v1/me/complaints", headers).json().as_object().at("count").to_number<std::uint64_t>(), 0U);
  auto with_cookie = headers;
  with_cookie.emplace_back("Content-Type: application/json");
  auto filed = client.request("POST", "/api/v1/complaints",
                              R"({"description":"Lampu jalan di gang kami mati sejak Senin"})", with_cookie);
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(client.post_json("/api/v1/complaints", R"({"description":"Sampah menumpuk di pinggir jalan raya"})").status,
            201);
  auto mine = client.get("/api/v1/me/complaints", headers);
  ASSERT_EQ(mine.status, 200);
  auto listed = mine.json();
  ASSERT_EQ(listed.as_object().at("count").to_number<std::uint64_t>(), 1U);
  EXPECT_EQ(listed.as_object().at("items").as_array()[0].as_object().at("code"), filed.json().as_object().at("code"));
}

TEST_F(AccessTest, ACitizensPhoneAndNikComeBackMaskedAndNeverInClear) {
  HttpClient client(server_->base_url());
  auto body = R"({"email":")" + std::string(kSentinelEmail) + R"(","display_name":")" + std::string(kSentinelName) +
              R"(","password":"Sungai-Musi-2026!","phone":")" + std::string(kSentinelPhone) + R"(","nik":")" +
              std::string(kSentinelNik) + "\"}";
  auto created = client.post_json("/api/v1/citizens", body);
  ASSERT_EQ(created.status, 201) << "status " << created.status;
  auto json = created.json();
  EXPECT_EQ(std::string(json.as_object().at("phone").as_string()), "0811****5511");
  EXPECT_EQ(std::string(json.as_object().at("nik").as_string()), "1671********0003");
  for (auto sentinel : {std::string_view("81171715511"), kSentinelNik}) {
    EXPECT_EQ(created.body.find(sentinel), std::string::npos) << "a personal value in clear in the answer";
  }
  auto bad = client.post_json("/api/v1/citizens",
                              R"({"email":"x@contoh.id","display_name":"X","password":"Sungai-Musi-2026!","nik":"12345"})");
  EXPECT_EQ(bad.status, 422);
}

TEST(LoginThrottleOverHttp, TwentyWrongLoginsAreRefusedAndTheRightPasswordWorksFromAnotherAddressLater) {
  FakeClock clock(std::chrono::system_clock::now());
  TestServer server(generous_limits(&clock));
  app::identity::UserAdmin admin(server.storage(), clock);
  ASSERT_TRUE(admin
                  .create({"target@test.id", "Target", std::string(kPassword), domain::identity::UserKind::staff,
                           {{"dinas-pupr", da::Role::officer}}},
                          "test")
                  .ok());
  HttpClient attacker(server.base_url(), "127.0.0.1");
  int refused = 0, wrong = 0;
  for (int i = 0; i < 20; ++i) {
    auto response = attacker.post_json("/api/v1/session", R"({"email":"target@test.id","password":"guess-guess-)" +
                                                              std::to_string(i) + "\"}");
    if (response.status == 429) {
      ++refused;
      EXPECT_FALSE(response.header("retry-after").empty());
      EXPECT_EQ(response.header("content-type").find("application/problem+json"), 0U);
    } else {
      EXPECT_EQ(response.status, 401);
      ++wrong;
    }
  }
  EXPECT_LE(wrong, 6) << "after a few failures the account is slowed";
  EXPECT_GE(refused, 14);
  HttpClient owner(server.base_url(), "127.0.0.2");
  auto body = R"({"email":"target@test.id","password":")" + std::string(kPassword) + "\"}";
  EXPECT_EQ(owner.post_json("/api/v1/session", body).status, 429) << "still inside the window";
  clock.advance(std::chrono::minutes(16));
  EXPECT_EQ(owner.post_json("/api/v1/session", body).status, 201);
}

}  // namespace
}  // namespace sigap::testing
