// Lists over real HTTP: the staff inbox with its filters, counts and both orders; the public
// list and figures, which show nothing personal, to anyone, within a rate budget.
#include <set>

#include <gtest/gtest.h>

#include "app/identity/user_admin.hpp"
#include "common/time_format.hpp"
#include "support/http_client.hpp"
#include "support/personal_data_sentinels.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;
namespace dc = domain::complaints;

constexpr std::string_view kPassword = "Sungai-Musi-2026!";
constexpr std::string_view kAddress = "Jl. Kenanga Sentosa No. 77";

std::string encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

struct Case {
  const char* title;
  dc::Status status;
  const char* unit;
  const char* category;
  const char* region;
  const char* submitted;
  const char* description;
  const char* due = nullptr;
  bool confidential = false;
  bool anonymous = false;
};

class CaseListApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestServerOptions options;
    options.rate_limits[http::RateBudget::login] = http::BucketPolicy{10000, 1000};
    options.rate_limits[http::RateBudget::tracking] = http::BucketPolicy{30, 0.001};
    server_ = new TestServer(options);
    SystemClock clock;
    app::identity::UserAdmin admin(server_->storage(), clock);
    for (const auto& [email, role, unit] : std::vector<std::tuple<std::string, da::Role, std::string>>{
             {"camat@test.id", da::Role::supervisor, "kecamatan-16.71.01"},
             {"pupr@test.id", da::Role::officer, "dinas-pupr"}}) {
      ASSERT_TRUE(admin.create({email, email, std::string(kPassword), domain::identity::UserKind::staff, {{unit, role}}},
                               "test")
                      .ok());
    }
    auto future = format_utc(std::chrono::system_clock::now() + std::chrono::hours(72));
    auto past = format_utc(std::chrono::system_clock::now() - std::chrono::hours(2));
    static std::string soon, late;
    soon = future;
    late = past;
    const Case cases[] = {
        {"Jalan berlubang", dc::Status::submitted, "kelurahan-16.71.01.1001", "jalan-rusak", "16.71.01.1001",
         "2026-10-01T02:00:00Z", "Jalan berlubang besar di depan sekolah dasar", soon.c_str()},
        {"Lampu mati", dc::Status::in_progress, "kelurahan-16.71.01.1002", "lampu-jalan", "16.71.01.1002",
         "2026-10-15T02:00:00Z", "Lampu jalan mati, jalan gelap sekali", late.c_str()},
        {"Jalan amblas", dc::Status::verified, "dinas-pupr", "jalan-rusak", "16.71.01.1001", "2026-10-20T02:00:00Z",
         "Jalan amblas dekat jembatan, berbahaya"},
        {"Rahasia", dc::Status::submitted, "kelurahan-16.71.01.1001", "jalan-rusak", "16.71.01.1001",
         "2026-10-21T02:00:00Z", "Pungutan liar oleh oknum di jalan sekolah", nullptr, true},
        {"Anonim", dc::Status::resolved, "kelurahan-16.71.01.1001", "sampah", "16.71.01.1001", "2026-10-22T02:00:00Z",
         "Sampah menumpuk di depan rumah saya", nullptr, false, true},
    };
    int n = 0;
    for (const auto& spec : cases) {
      dc::Complaint complaint;
      complaint.public_code = "SGP-LIST-" + std::to_string(100 + n++);
      complaint.reporter_secret_hash = "hash";
      complaint.status = spec.status;
      complaint.title = spec.title;
      complaint.description = spec.description;
      complaint.category_code = spec.category;
      complaint.region_code = spec.region;
      complaint.unit_code = spec.unit;
      complaint.submitted_at = *parse_utc(spec.submitted);
      complaint.updated_at = complaint.submitted_at;
      complaint.confidential = spec.confidential;
      complaint.anonymous = spec.anonymous;
      complaint.location = domain::master_data::GeoPoint{-2.976149, 104.775431};
      complaint.address = std::string(kAddress);
      complaint.reporter = {std::string(kSentinelName), std::string(kSentinelPhoneDigits), std::string(kSentinelEmail),
                            std::string(kSentinelNik)};
      if (spec.due) {
        complaint.due_at = parse_utc(spec.due);
        complaint.sla_target = "resolve";
      }
      auto written = server_->storage().write([&](app::ports::Transaction& tx) -> Result<void> {
        auto id = tx.complaints().insert(complaint);
        if (!id) return id.error();
        return {};
      });
      ASSERT_TRUE(written.ok()) << written.error().log_detail();
    }
  }
  static void TearDownTestSuite() { delete server_; }

  static std::vector<std::string> sign_in(const std::string& email) {
    HttpClient client(server_->base_url());
    auto response = client.post_json("/api/v1/session",
                                      R"({"email":")" + email + R"(","password":")" + std::string(kPassword) + "\"}");
    EXPECT_EQ(response.status, 201) << response.body;
    auto cookie = response.header("set-cookie");
    return {"Cookie: " + cookie.substr(0, cookie.find(';'))};
  }

  static std::vector<std::string> titles(const HttpResult& result) {
    std::vector<std::string> out;
    auto body = result.json();
    for (const auto& item : body.as_object().at("items").as_array()) {
      out.emplace_back(item.as_object().at("title").as_string());
    }
    return out;
  }

  static inline TestServer* server_ = nullptr;
};

using Titles = std::vector<std::string>;

TEST_F(CaseListApiTest, TheInboxFiltersByEverythingAtOnceWithinScope) {
  HttpClient client(server_->base_url());
  auto camat = sign_in("camat@test.id");
  struct Row {
    std::string query;
    Titles expected;
  };
  const Row rows[] = {
      {"", {"Anonim", "Rahasia", "Lampu mati", "Jalan berlubang"}},  // dinas-pupr's case is not in scope
      {"status=submitted,in_progress&category=jalan-rusak&q=" + encoded("jalan sekolah"), {"Rahasia", "Jalan berlubang"}},
      {"q=" + encoded("\"jalan\" (sekolah*)"), {"Rahasia", "Jalan berlubang"}},
      {"q=" + encoded("'); DROP TABLE complaints; --"), {}},
      {"unit=dinas-pupr", {}},                                       // outside the scope: nothing, never a leak
      {"unit=kelurahan-16.71.01.1002", {"Lampu mati"}},
      {"region=16.71.01.1002", {"Lampu mati"}},
      {"overdue=true", {"Lampu mati"}},
      {"sort=due", {"Lampu mati", "Jalan berlubang", "Anonim", "Rahasia"}},
      {"submitted_from=2026-10-15&submitted_to=2026-10-21", {"Rahasia", "Lampu mati"}},
  };
  for (const auto& row : rows) {
    auto listed = client.get("/api/v1/complaints?" + row.query, camat);
    ASSERT_EQ(listed.status, 200) << row.query << ": " << listed.body;
    EXPECT_EQ(titles(listed), row.expected) << row.query;
  }
  auto pupr = client.get("/api/v1/complaints?q=jalan", sign_in("pupr@test.id"));
  EXPECT_EQ(titles(pupr), Titles{"Jalan amblas"});
}

TEST_F(CaseListApiTest, BadFilterValuesAre422NamingTheParameter) {
  HttpClient client(server_->base_url());
  auto camat = sign_in("camat@test.id");
  const std::pair<std::string, std::string> rows[] = {
      {"status=gossip", "status"},   {"limit=101", "limit"},         {"limit=0", "limit"},
      {"sort=oldest", "sort"},       {"region=16.71.x", "region"},   {"channel=pigeon", "channel"},
      {"overdue=maybe", "overdue"},  {"cursor=abc", "cursor"},       {"submitted_from=kemarin", "submitted_from"},
      {"q=" + encoded("*()\"\""), "q"}, {"colour=red", "colour"},
  };
  for (const auto& [query, field] : rows) {
    auto refused = client.get("/api/v1/complaints?" + query, camat);
    ASSERT_EQ(refused.status, 422) << query << ": " << refused.body;
    EXPECT_EQ(refused.header("content-type").find("application/problem+json"), 0U);
    auto errors = refused.json().as_object().at("errors").as_array();
    ASSERT_EQ(errors.size(), 1U) << refused.body;
    EXPECT_EQ(errors[0].as_object().at("field").as_string(), field) << query;
    auto english = client.get("/api/v1/complaints?" + query, {camat[0], "Accept-Language: en"});
    EXPECT_NE(english.body.find("Invalid filter."), std::string::npos) << english.body;
  }
  EXPECT_EQ(client.get("/api/v1/complaints/counts?status=gossip", camat).status, 422);
}

TEST_F(CaseListApiTest, PagesFollowTheCursorInTheDueOrder) {
  HttpClient client(server_->base_url());
  auto camat = sign_in("camat@test.id");
  Titles walked;
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    auto listed = client.get("/api/v1/complaints?sort=due&limit=1" + (cursor.empty() ? "" : "&cursor=" + encoded(cursor)),
                             camat);
    ASSERT_EQ(listed.status, 200) << listed.body;
    for (auto& title : titles(listed)) walked.push_back(title);
    auto next = listed.json().as_object().at("next_cursor");
    if (next.is_null()) break;
    cursor = std::string(next.as_string());
  }
  EXPECT_EQ(walked, (Titles{"Lampu mati", "Jalan berlubang", "Anonim", "Rahasia"}));
}

TEST_F(CaseListApiTest, CountsPerStatusForTheInboxTabs) {
  HttpClient client(server_->base_url());
  auto counts = client.get("/api/v1/complaints/counts?category=jalan-rusak&status=resolved", sign_in("camat@test.id"));
  ASSERT_EQ(counts.status, 200) << counts.body;
  auto body = counts.json().as_object();
  EXPECT_EQ(body.at("total").as_int64(), 2);
  const auto& by_status = body.at("counts").as_object();
  EXPECT_EQ(by_status.at("submitted").as_int64(), 2);
  EXPECT_EQ(by_status.at("resolved").as_int64(), 0);
  EXPECT_EQ(by_status.size(), 9U) << "every tab has a number, zero included";
}

TEST_F(CaseListApiTest, ThePublicListShowsNothingPersonalAndNoConfidentialCase) {
  HttpClient client(server_->base_url());
  auto listed = client.get("/api/v1/public/complaints");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(titles(listed), (Titles{"Anonim", "Jalan amblas", "Lampu mati", "Jalan berlubang"}));
  for (auto sentinel : kSentinelsInClear) EXPECT_EQ(listed.body.find(sentinel), std::string::npos) << sentinel;
  EXPECT_EQ(listed.body.find(kAddress), std::string::npos);
  EXPECT_EQ(listed.body.find("reporter"), std::string::npos);
  EXPECT_EQ(listed.body.find("Pungutan"), std::string::npos) << "a confidential case is not public";
  auto body = listed.json();
  for (const auto& item : body.as_object().at("items").as_array()) {
    const auto& object = item.as_object();
    if (object.at("title").as_string() == "Anonim") {
      EXPECT_TRUE(object.at("location").is_null()) << "no pin for an anonymous report";
    } else {
      EXPECT_DOUBLE_EQ(object.at("location").as_object().at("latitude").as_double(), -2.976);
      EXPECT_DOUBLE_EQ(object.at("location").as_object().at("longitude").as_double(), 104.775);
    }
  }
  EXPECT_EQ(titles(client.get("/api/v1/public/complaints?category=jalan-rusak&region=16.71.01")),
            (Titles{"Jalan amblas", "Jalan berlubang"}));
  auto refused = client.get("/api/v1/public/complaints?q=jalan");
  EXPECT_EQ(refused.status, 422) << "the public list takes region, category, status, cursor, limit";
}

TEST_F(CaseListApiTest, PublicFiguresPerUnitAndForTheCity) {
  HttpClient client(server_->base_url());
  auto stats = client.get("/api/v1/public/stats?from=2026-10-01&to=2026-10-31");
  ASSERT_EQ(stats.status, 200) << stats.body;
  auto body = stats.json().as_object();
  EXPECT_EQ(body.at("city").as_object().at("received").as_int64(), 5) << "confidential cases count, unnamed";
  std::set<std::string> units;
  for (const auto& unit : body.at("units").as_array()) units.insert(std::string(unit.as_object().at("unit").as_string()));
  EXPECT_EQ(units, (std::set<std::string>{"dinas-pupr", "kelurahan-16.71.01.1001", "kelurahan-16.71.01.1002"}));
  EXPECT_EQ(client.get("/api/v1/public/stats?from=2026-11-01").json().as_object().at("city").as_object().at("received")
                .as_int64(),
            0);
  auto refused = client.get("/api/v1/public/stats?from=kemarin");
  ASSERT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json().as_object().at("errors").as_array()[0].as_object().at("field").as_string(), "from");
}

TEST_F(CaseListApiTest, ThePublicRoutesSpendTheTrackingBudgetPerAddress) {
  HttpClient client(server_->base_url(), "127.0.0.9");
  int limited = 0;
  for (int i = 0; i < 40; ++i) {
    auto response = client.get(i % 2 ? "/api/v1/public/stats" : "/api/v1/public/complaints");
    if (response.status == 429) {
      ++limited;
      EXPECT_FALSE(response.header("retry-after").empty());
    }
  }
  EXPECT_GE(limited, 9);
}

}  // namespace
}  // namespace sigap::testing
