// Reports with photos over real HTTP: the GPS of a phone photo becomes the pin, the stored photo
// carries no EXIF, and hostile or broken uploads are refused leaving nothing behind.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "app/identity/user_admin.hpp"
#include "media/test_images.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

using namespace sigap::media::testing;  // NOLINT(google-build-using-namespace): the image makers

constexpr Dms kLatitude{{2, 1, 58, 1, 3396, 100}};     // 2° 58' 33.96" S
constexpr Dms kLongitude{{104, 1, 46, 1, 3144, 100}};  // 104° 46' 31.44" E

constexpr std::string_view kBoundary = "sigap-test-boundary-7f3a";

std::string form(std::string_view complaint_json, const std::vector<std::string>& photos,
                 std::string_view boundary = kBoundary) {
  std::string body;
  body += "--" + std::string(boundary) + "\r\nContent-Disposition: form-data; name=\"complaint\"\r\n"
          "Content-Type: application/json\r\n\r\n" + std::string(complaint_json) + "\r\n";
  for (std::size_t i = 0; i < photos.size(); ++i) {
    body += "--" + std::string(boundary) + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"foto" +
            std::to_string(i + 1) + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" + photos[i] + "\r\n";
  }
  body += "--" + std::string(boundary) + "--\r\n";
  return body;
}

class ComplaintPhotosTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.rate_limits[http::RateBudget::intake] = http::BucketPolicy{10000, 1000};
    server_ = std::make_unique<TestServer>(options);
  }

  HttpResult post_form(const std::string& body) {
    HttpClient client(server_->base_url());
    return client.request("POST", "/api/v1/complaints", body,
                          {"Content-Type: multipart/form-data; boundary=" + std::string(kBoundary)});
  }

  std::int64_t complaints() { return server_->storage().complaints().count().value(); }

  std::unique_ptr<TestServer> server_;
};

TEST_F(ComplaintPhotosTest, APhonePhotoGivesThePinAndIsStoredWithoutAnyExif) {
  auto photo = with_segment_after_soi(noise_jpeg(400, 300),
                                      exif_app1(ByteOrder::little_endian, 'S', kLatitude, 'E', kLongitude));
  auto response = post_form(form(R"({"description":"Jalan berlubang besar di depan sekolah"})", {photo}));
  ASSERT_EQ(response.status, 201) << response.body;
  auto body = response.json().as_object();
  EXPECT_TRUE(body.at("location_from_photo").as_bool());
  EXPECT_EQ(body.at("photos").to_number<int>(), 1);
  auto id = body.at("id").as_int64();
  auto complaint = server_->storage().complaints().find_by_id(id);
  ASSERT_TRUE(complaint.ok() && complaint->has_value());
  ASSERT_TRUE((*complaint)->location.has_value());
  EXPECT_NEAR((*complaint)->location->latitude, -2.9761, 1e-4);
  EXPECT_NEAR((*complaint)->location->longitude, 104.7754, 1e-4);
  auto photos = server_->storage().complaints().photos(id);
  ASSERT_TRUE(photos.ok());
  ASSERT_EQ(photos->size(), 1U);
  // The stored file, read straight from the blob directory, carries no EXIF at all.
  const auto& digest = photos->front().digest;
  auto file = server_->blob_dir() / digest.substr(0, 2) / digest.substr(2, 2) / digest;
  std::ifstream in(file, std::ios::binary);
  ASSERT_TRUE(in) << file;
  std::string stored((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(stored.find("Exif"), std::string::npos);
  EXPECT_EQ(stored.substr(0, 3), std::string("\xFF\xD8\xFF"));
  // Served only to whoever may see the case: nobody anonymous, the handling unit yes.
  HttpClient client(server_->base_url());
  auto path = "/api/v1/complaints/" + std::to_string(id) + "/photos/1";
  EXPECT_EQ(client.get(path).status, 401);
  SystemClock clock;
  app::identity::UserAdmin admin(server_->storage(), clock);
  auto unit = (*complaint)->unit_code;
  ASSERT_TRUE(admin
                  .create({"petugas@test.id", "Petugas", "Sungai-Musi-2026!", domain::identity::UserKind::staff,
                           {{unit, domain::access::Role::officer}}},
                          "test")
                  .ok());
  auto signed_in = client.post_json("/api/v1/session", R"({"email":"petugas@test.id","password":"Sungai-Musi-2026!"})");
  ASSERT_EQ(signed_in.status, 201);
  auto cookie = signed_in.header("set-cookie");
  std::vector<std::string> headers{"Cookie: " + cookie.substr(0, cookie.find(';'))};
  auto served = client.get(path, headers);
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.header("content-type"), "image/jpeg");
  EXPECT_EQ(served.body, stored);
  auto thumbnail = client.get(path + "?size=thumbnail", headers);
  ASSERT_EQ(thumbnail.status, 200);
  EXPECT_LT(thumbnail.body.size(), stored.size());
  EXPECT_EQ(client.get("/api/v1/complaints/" + std::to_string(id) + "/photos/2", headers).status, 404);
}

TEST_F(ComplaintPhotosTest, TheReportPartMayComeAsAJsonBlobAsBrowsersSendIt) {
  // FormData.append("complaint", new Blob([json])) names the part's file "blob".
  std::string body = "--" + std::string(kBoundary) +
                     "\r\nContent-Disposition: form-data; name=\"complaint\"; filename=\"blob\"\r\n"
                     "Content-Type: application/json\r\n\r\n"
                     R"({"description":"Lampu jalan mati sejak kemarin malam"})"
                     "\r\n--" + std::string(kBoundary) +
                     "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a.jpg\"\r\n"
                     "Content-Type: image/jpeg\r\n\r\n" + noise_jpeg(120, 90) + "\r\n--" + std::string(kBoundary) +
                     "--\r\n";
  auto response = post_form(body);
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(response.json().as_object().at("photos").to_number<int>(), 1);
}

TEST_F(ComplaintPhotosTest, ARetryWithPhotosUnderTheSameKeyIsTheSameReportWhateverItsBoundary) {
  // A phone resending after a dropped connection builds the form again, and a browser's
  // FormData draws a new boundary each time: the retry must still be recognised as the same
  // report, and the same key with another photo is still another request.
  auto photo = noise_jpeg(160, 120);
  auto json = std::string(R"({"description":"Got tersumbat di depan pasar, air meluap ke jalan"})");
  HttpClient client(server_->base_url());
  auto send = [&](std::string_view boundary, const std::string& jpeg) {
    return client.request("POST", "/api/v1/complaints", form(json, {jpeg}, boundary),
                          {"Content-Type: multipart/form-data; boundary=" + std::string(boundary),
                           "Idempotency-Key: retry-with-photo-1"});
  };
  auto before = complaints();
  auto first = send("first-try-boundary-1a2b", photo);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = send("second-try-boundary-9z8y", photo);
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(again.json().as_object().at("code"), first.json().as_object().at("code"));
  EXPECT_EQ(complaints(), before + 1);
  auto other = send("third-try-boundary-5c6d", noise_jpeg(161, 120));
  EXPECT_EQ(other.status, 422) << other.body;
  EXPECT_EQ(complaints(), before + 1);
}

TEST_F(ComplaintPhotosTest, HostileOrBrokenUploadsAreRefusedAndLeaveNothingBehind) {
  auto before = complaints();
  auto good = noise_jpeg(200, 150);
  struct Case {
    const char* what;
    std::string body;
    int status;
  };
  std::vector<Case> cases{
      {"a PHP script named .jpg", form(R"({"description":"Jalan rusak parah sekali di sini"})",
                                       {good, "<?php system($_GET['c']); ?>"}), 415},
      {"a truncated JPEG", form(R"({"description":"Jalan rusak parah sekali di sini"})", {good, good.substr(0, good.size() / 2)}),
       422},
      {"a 50 MB upload", form(R"({"description":"Jalan rusak parah sekali di sini"})", {good, std::string(50'000'000, 'x')}),
       413},
      {"a truncated form", form(R"({"description":"Jalan rusak parah sekali di sini"})", {good}).substr(0, 500), 400},
      {"an invalid complaint with a good photo", form(R"({"description":"short"})", {good}), 422},
  };
  for (const auto& c : cases) {
    auto response = post_form(c.body);
    EXPECT_EQ(response.status, c.status) << c.what << ": " << response.body.substr(0, 300);
    EXPECT_EQ(response.header("content-type").find("application/problem+json"), 0U) << c.what;
    EXPECT_EQ(files_under(server_->blob_dir()), 0U) << c.what << " left a file behind";
  }
  EXPECT_EQ(complaints(), before) << "no partial record";
}

}  // namespace
}  // namespace sigap::testing
