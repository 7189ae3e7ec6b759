#include "support/staff_sign_in.hpp"

#include <gtest/gtest.h>

#include "crypto/totp.hpp"
#include "support/http_client.hpp"

namespace sigap::testing {

void enrol_test_totp(app::ports::Storage& storage, std::int64_t user_id) {
  auto set = storage.write(
      [&](app::ports::Transaction& tx) { return tx.identity().set_totp(user_id, std::string(kTestTotpSecret), true); });
  EXPECT_TRUE(set.ok());
}

std::vector<std::string> sign_in_staff(const std::string& base_url, std::string_view email, std::string_view password,
                                       TimePoint now) {
  HttpClient client(base_url);
  auto response = client.post_json(
      "/api/v1/session", R"({"email":")" + std::string(email) + R"(","password":")" + std::string(password) + "\"}");
  EXPECT_EQ(response.status, 201) << response.body;
  if (response.status != 201) return {};
  auto cookie = response.header("set-cookie");
  std::vector<std::string> headers{
      "Cookie: " + cookie.substr(0, cookie.find(';')),
      "X-CSRF-Token: " + std::string(response.json().as_object().at("csrf_token").as_string()),
      "Content-Type: application/json"};
  if (response.json().as_object().at("second_factor_pending").as_bool()) {
    auto secret = crypto::base32_decode(kTestTotpSecret);
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    auto verified = client.request("POST", "/api/v1/session/second-factor",
                                   R"({"code":")" + crypto::totp_code(*secret, seconds) + "\"}", headers);
    EXPECT_EQ(verified.status, 204) << verified.body;
  }
  return headers;
}

}  // namespace sigap::testing
