// What a citizen does about a case besides reporting it, over real HTTP: being shown the reports
// like theirs (before sending and in the intake answer), supporting one instead of filing again,
// and adding photos to their own report with the reporter secret.
#include <filesystem>

#include <gtest/gtest.h>

#include "media/test_images.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

// Near the Ampera bridge; 100 m east is still "here", 1 km east is not.
constexpr std::string_view kHere = R"({"latitude":-2.9918,"longitude":104.7633})";
constexpr std::string_view kNextDoor = R"({"latitude":-2.9918,"longitude":104.7642})";
constexpr std::string_view kFarAway = R"({"latitude":-2.9918,"longitude":104.7723})";

std::string report(std::string_view description, std::string_view location, bool confidential = false) {
  return R"({"description":")" + std::string(description) + R"(","category":"banjir-drainase","location":)" +
         std::string(location) + R"(,"confidential":)" + (confidential ? "true" : "false") + "}";
}

class CitizenSupportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.rate_limits[http::RateBudget::intake] = http::BucketPolicy{10000, 1000};
    options.rate_limits[http::RateBudget::tracking] = http::BucketPolicy{10000, 1000};
    server_ = std::make_unique<TestServer>(options);
  }

  boost::json::object file(const std::string& body) {
    HttpClient client(server_->base_url());
    auto response = client.post_json("/api/v1/complaints", body);
    EXPECT_EQ(response.status, 201) << response.body;
    return response.json().as_object();
  }

  static std::vector<std::string> codes(const boost::json::array& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.emplace_back(item.as_object().at("code").as_string());
    return out;
  }

  std::unique_ptr<TestServer> server_;
};

TEST_F(CitizenSupportTest, ANewReportOfTheSameFloodNearbyIsToldAboutTheOpenOne) {
  auto first = file(report("Got tersumbat sampah, air meluap ke jalan setiap hujan deras", kHere));
  auto first_code = std::string(first.at("code").as_string());
  EXPECT_TRUE(first.at("possible_duplicates").as_array().empty());
  file(report("Genangan air di depan sekolah karena drainase rusak", kFarAway));  // another place
  file(report("Got tersumbat sampah, air meluap ke jalan waktu hujan", kHere, true));  // confidential

  auto second = file(report("Air got meluap ke jalan setiap hujan, got tersumbat sampah", kNextDoor));
  EXPECT_EQ(codes(second.at("possible_duplicates").as_array()), std::vector<std::string>{first_code})
      << "the near, similar, open, public case; neither the far one nor the confidential one";
  const auto& match = second.at("possible_duplicates").as_array().front().as_object();
  EXPECT_LT(match.at("distance_m").as_int64(), 150);
  EXPECT_EQ(match.find("reporter"), match.end());

  // Before sending, the form asks the same question without filing anything.
  HttpClient client(server_->base_url());
  auto before = server_->storage().complaints().count().value();
  auto asked = client.post_json("/api/v1/possible-duplicates",
                                R"({"category":"banjir-drainase","description":"got tersumbat, air meluap ke jalan",)"
                                R"("location":)" + std::string(kNextDoor) + "}");
  ASSERT_EQ(asked.status, 200) << asked.body;
  auto found = codes(asked.json().as_object().at("items").as_array());
  EXPECT_EQ(found.size(), 2U) << "both public reports of that flood";
  EXPECT_EQ(server_->storage().complaints().count().value(), before) << "asking files nothing";
  auto bad = client.post_json("/api/v1/possible-duplicates",
                              R"({"category":"banjir-drainase","description":"x","location":{"latitude":900,"longitude":104.7}})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("location.latitude"), std::string::npos) << bad.body;
}

TEST_F(CitizenSupportTest, SupportingACaseCountsEachSupporterOnce) {
  auto filed = file(report("Got tersumbat sampah, air meluap ke jalan setiap hujan deras", kHere));
  auto code = std::string(filed.at("code").as_string());
  HttpClient client(server_->base_url());
  auto support = [&](std::string_view device) {
    return client.post_json("/api/v1/track/" + code + "/support", R"({"device":")" + std::string(device) + "\"}");
  };
  auto once = support("ponsel-ibu-sari-0001");
  ASSERT_EQ(once.status, 201) << once.body;
  EXPECT_EQ(once.json().as_object().at("supporters").as_int64(), 1);
  auto again = support("ponsel-ibu-sari-0001");
  EXPECT_EQ(again.status, 200);
  EXPECT_FALSE(again.json().as_object().at("counted").as_bool());
  EXPECT_EQ(again.json().as_object().at("supporters").as_int64(), 1) << "the same phone counts once";
  EXPECT_EQ(support("ponsel-pak-budi-0002").json().as_object().at("supporters").as_int64(), 2);
  EXPECT_EQ(client.get("/api/v1/track/" + code).json().as_object().at("supporters").as_int64(), 2);
  EXPECT_EQ(support("short").status, 422);
  EXPECT_EQ(client.post_json("/api/v1/track/" + code + "/support", "{}").status, 422) << "who supports must be said";

  auto hidden = file(report("Drainase rusak di belakang kantor", kFarAway, true));
  auto hidden_support = client.post_json("/api/v1/track/" + std::string(hidden.at("code").as_string()) + "/support",
                                         R"({"device":"ponsel-ibu-sari-0001"})");
  EXPECT_EQ(hidden_support.status, 404) << "the public does not know a confidential case";
}

TEST_F(CitizenSupportTest, TheReporterAddsPhotosWithTheSecretAndAWrongSecretLeavesNothing) {
  auto filed = file(report("Got tersumbat sampah, air meluap ke jalan setiap hujan deras", kHere));
  auto code = std::string(filed.at("code").as_string());
  auto secret = std::string(filed.at("reporter_secret").as_string());
  constexpr std::string_view kBoundary = "sigap-reporter-photos";
  auto form = [&](const std::string& with_secret) {
    return "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"secret\"\r\n\r\n" +
           with_secret + "\r\n--" + std::string(kBoundary) +
           "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"banjir.jpg\"\r\n"
           "Content-Type: image/jpeg\r\n\r\n" + media::testing::noise_jpeg(120, 90) + "\r\n--" + std::string(kBoundary) +
           "--\r\n";
  };
  HttpClient client(server_->base_url());
  std::vector<std::string> headers{"Content-Type: multipart/form-data; boundary=" + std::string(kBoundary)};
  auto blobs = server_->blob_dir();
  auto before = files_under(blobs);
  auto wrong = client.request("POST", "/api/v1/track/" + code + "/photos", form("not-the-secret"), headers);
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(files_under(blobs), before) << "a refused upload leaves no file behind";
  auto added = client.request("POST", "/api/v1/track/" + code + "/photos", form(secret), headers);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json().as_object().at("photos").as_int64(), 1);
  EXPECT_GT(files_under(blobs), before);
  auto as_json = client.post_json("/api/v1/track/" + code + "/photos", R"({"secret":"x"})");
  EXPECT_EQ(as_json.status, 415);
}

}  // namespace
}  // namespace sigap::testing
