// Intake and tracking over real HTTP: what a reporter on a phone sees, and what nobody else may.
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/personal_data_sentinels.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

TestServerOptions open_intake() {
  TestServerOptions options;
  options.rate_limits[http::RateBudget::intake] = http::BucketPolicy{10000, 1000};
  return options;
}

std::string sentinel_complaint(std::string_view description) {
  return R"({"description":")" + std::string(description) +
         R"(","location":{"latitude":-2.9761,"longitude":104.7754,"accuracy_m":12},"region_code":"16.71.01.1001",)"
         R"("address":"Jl. Merdeka No. 9","reporter":{"name":")" + std::string(kSentinelName) + R"(","phone":"0811-7171-5511","email":")" +
         std::string(kSentinelEmail) + R"(","nik":")" + std::string(kSentinelNik) + "\"}}";
}

class ComplaintApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(open_intake()); }
  static void TearDownTestSuite() { delete server_; }
  static inline TestServer* server_ = nullptr;
};

TEST_F(ComplaintApiTest, AComplaintIsAcceptedRoutedAndGivenACodeDeadlinesAndASecret) {
  HttpClient client(server_->base_url());
  auto response = client.post_json("/api/v1/complaints",
                                   sentinel_complaint("Jalan di depan rumah saya berlubang besar, bahaya untuk motor 🏍️"));
  ASSERT_EQ(response.status, 201) << response.body;
  auto body = response.json().as_object();
  auto code = std::string(body.at("code").as_string());
  EXPECT_EQ(code.size(), 13U);
  EXPECT_EQ(code.rfind("SGP-", 0), 0U);
  EXPECT_EQ(std::string(body.at("status").as_string()), "submitted");
  EXPECT_EQ(std::string(body.at("category").as_object().at("code").as_string()), "jalan-rusak");
  EXPECT_TRUE(body.at("category").as_object().at("suggested").as_bool()) << "no category given: suggested, and said so";
  EXPECT_EQ(std::string(body.at("unit").as_object().at("code").as_string()), "dinas-pupr");
  EXPECT_FALSE(body.at("deadlines").as_object().at("verify").is_null());
  EXPECT_FALSE(std::string(body.at("reporter_secret").as_string()).empty());
  EXPECT_EQ(response.header("location"), "/lacak/" + code);
  for (auto sentinel : kSentinelsInClear) {
    EXPECT_EQ(response.body.find(sentinel), std::string::npos) << "personal data echoed back";
  }
}

TEST_F(ComplaintApiTest, TrackingShowsTheCaseAndNeverThePersonalData) {
  HttpClient client(server_->base_url());
  auto created = client.post_json("/api/v1/complaints", sentinel_complaint("Sampah di TPS belum diangkut tiga hari"));
  ASSERT_EQ(created.status, 201);
  auto code = std::string(created.json().as_object().at("code").as_string());
  auto tracked = client.get("/api/v1/track/" + code);
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  auto body = tracked.json().as_object();
  EXPECT_EQ(std::string(body.at("status").as_string()), "submitted");
  EXPECT_EQ(std::string(body.at("unit").as_object().at("code").as_string()), "dlhk");
  EXPECT_EQ(std::string(body.at("category").as_object().at("name").as_string()), "Sampah tidak terangkut");
  ASSERT_EQ(body.at("timeline").as_array().size(), 1U);
  for (auto sentinel : kSentinelsInClear) {
    EXPECT_EQ(tracked.body.find(sentinel), std::string::npos) << "personal data on the tracking page";
  }
  EXPECT_EQ(tracked.body.find("Merdeka"), std::string::npos) << "the home address on the tracking page";
  EXPECT_EQ(tracked.body.find("reporter"), std::string::npos);
  // Read over the phone: lower case, spaces, no prefix, O for 0.
  auto spoken = code.substr(4, 4) + " " + code.substr(9, 4);
  for (auto& c : spoken) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(client.get("/api/v1/track/" + spoken.replace(spoken.find(' '), 1, "%20")).status, 200);
}

TEST_F(ComplaintApiTest, ATypoInTheCodeIsCaughtAsATypoAndAnUnknownCodeIsNotFound) {
  HttpClient client(server_->base_url());
  auto created = client.post_json("/api/v1/complaints", sentinel_complaint("Lampu jalan mati sejak minggu lalu"));
  ASSERT_EQ(created.status, 201);
  auto code = std::string(created.json().as_object().at("code").as_string());
  auto typo = code;
  typo[5] = typo[5] == '7' ? '8' : '7';
  auto wrong = client.get("/api/v1/track/" + typo);
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_NE(wrong.body.find("salah ketik"), std::string::npos) << wrong.body;
  EXPECT_EQ(client.get("/api/v1/track/not-a-code").status, 422);
}

TEST_F(ComplaintApiTest, BadInputIsRefusedWithEveryFieldNamedAndNothingStored) {
  HttpClient client(server_->base_url());
  auto before = server_->storage().complaints().count();
  auto refused = client.post_json(
      "/api/v1/complaints",
      R"({"description":"pendek","location":{"latitude":900,"longitude":104.7},"reporter":{"phone":"halo","nik":"123"},"kind":"gossip","region_code":"16.71"})");
  ASSERT_EQ(refused.status, 422) << refused.body;
  std::set<std::string> fields;
  auto problem = refused.json();
  for (const auto& error : problem.as_object().at("errors").as_array()) {
    fields.insert(std::string(error.as_object().at("field").as_string()));
  }
  for (const auto* field : {"description", "location.latitude", "reporter.phone", "reporter.nik", "kind", "region_code"}) {
    EXPECT_TRUE(fields.count(field)) << field << " not named in " << refused.body;
  }
  EXPECT_EQ(client.post_json("/api/v1/complaints", R"({"description":)").status, 400);
  EXPECT_EQ(client.request("POST", "/api/v1/complaints", "description=x", {"Content-Type: text/plain"}).status, 415);
  EXPECT_EQ(client.post_json("/api/v1/complaints",
                             R"({"description":"Jalan rusak'); DROP TABLE complaints; --","category":"<script>"})")
                .status,
            422);
  auto after = server_->storage().complaints().count();
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(*after, *before) << "a refused complaint leaves nothing behind";
}

TEST_F(ComplaintApiTest, TheSameIdempotencyKeySentTenTimesConcurrentlyCreatesExactlyOneComplaint) {
  auto before = server_->storage().complaints().count();
  auto body = sentinel_complaint("Air PDAM keruh dan berbau sejak kemarin pagi");
  std::vector<std::thread> threads;
  std::mutex mutex;
  std::set<std::string> codes;
  std::atomic<int> created{0};
  for (int i = 0; i < 10; ++i) {
    threads.emplace_back([&] {
      HttpClient client(server_->base_url());
      auto response =
          client.request("POST", "/api/v1/complaints", body, {"Content-Type: application/json", "Idempotency-Key: retry-7f3a"});
      EXPECT_EQ(response.status, 201) << response.body;
      if (response.status == 201) {
        std::lock_guard lock(mutex);
        codes.insert(std::string(response.json().as_object().at("code").as_string()));
        if (response.header("idempotent-replayed").empty()) created.fetch_add(1);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  auto after = server_->storage().complaints().count();
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(*after, *before + 1);
  EXPECT_EQ(codes.size(), 1U) << "every retry got the first answer";
  EXPECT_EQ(created.load(), 1);
  HttpClient client(server_->base_url());
  auto other = client.request("POST", "/api/v1/complaints", sentinel_complaint("Another complaint entirely, longer"),
                              {"Content-Type: application/json", "Idempotency-Key: retry-7f3a"});
  EXPECT_EQ(other.status, 422) << "the same key with another body";
}

// On SQLite a report waits for the writer without holding a thread (a pending response): one
// still waiting when the server is told to stop is answered, and every 201 is a stored case.
TEST(ComplaintIntakeStop, ReportsInFlightWhenTheServerStopsAreAnsweredAndKept) {
  TestServer server(open_intake());
  ASSERT_TRUE(server.storage().queues_writes());
  constexpr int kReporters = 16;
  std::mutex mutex;
  std::vector<std::string> codes;
  std::atomic<int> answered{0}, refused{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < kReporters; ++i) {
    threads.emplace_back([&, i] {
      HttpClient client(server.base_url());
      while (!go.load()) std::this_thread::yield();
      for (int n = 0; n < 5; ++n) {
        auto response = client.post_json(
            "/api/v1/complaints",
            R"({"description":"Lampu jalan mati di gang nomor )" + std::to_string(i * 10 + n) + R"( sejak kemarin"})");
        if (response.status == 0) return;  // the server had stopped taking requests
        answered.fetch_add(1);
        if (response.status != 201) {
          refused.fetch_add(1);
          EXPECT_EQ(response.status, 503) << response.body;  // stopping: refused whole, never half
          return;
        }
        std::lock_guard lock(mutex);
        codes.push_back(std::string(response.json().as_object().at("code").as_string()));
      }
    });
  }
  go = true;
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  server.service().stop();
  for (auto& thread : threads) thread.join();
  EXPECT_GT(answered.load(), 0);
  for (const auto& code : codes) {
    auto stored = server.storage().complaints().find_by_code(code);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->has_value()) << "answered 201 but not stored: " << code;
  }
}

TEST(ComplaintIntakeLimits, IntakeFromOneAddressIsLimitedWithRetryAfter) {
  TestServer server;  // default limits: a burst of 10, then one every 6 s
  HttpClient client(server.base_url());
  int accepted = 0, limited = 0;
  for (int i = 0; i < 14; ++i) {
    auto response = client.post_json("/api/v1/complaints", R"({"description":"Lampu jalan mati di gang kami nomor )" +
                                                               std::to_string(i) + "\"}");
    if (response.status == 201) ++accepted;
    if (response.status == 429) {
      ++limited;
      EXPECT_FALSE(response.header("retry-after").empty());
    }
  }
  EXPECT_EQ(accepted, 10);
  EXPECT_EQ(limited, 4);
}

}  // namespace
}  // namespace sigap::testing
