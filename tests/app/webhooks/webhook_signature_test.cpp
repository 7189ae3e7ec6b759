// The Sigap-Signature header against a known vector: the expected HMAC is computed here with
// OpenSSL itself, and equals what `openssl dgst -sha256 -hmac` prints for the worked example in
// docs/integration.md.
#include "app/webhooks/webhook_signature.hpp"

#include <gtest/gtest.h>
#include <openssl/hmac.h>

namespace sigap::app::webhooks {
namespace {

std::string openssl_hmac_hex(const std::string& key, const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

constexpr std::string_view kSecret = "whsec_5mQ2rX8kP1vN7tL3";
constexpr std::string_view kBody = R"({"specversion":"1.0","id":"42"})";
constexpr std::int64_t kTime = 1767225600;  // 2026-01-01T00:00:00Z

TEST(WebhookSignature, MatchesTheKnownVector) {
  auto expected = openssl_hmac_hex(std::string(kSecret), "1767225600." + std::string(kBody));
  // printf '%s' '1767225600.{"specversion":"1.0","id":"42"}' | openssl dgst -sha256 -hmac 'whsec_5mQ2rX8kP1vN7tL3'
  EXPECT_EQ(expected, "c9b120be81a26ac016de4fdd282a0263089a9410df0294a2646a2c8b1acc01e7");
  EXPECT_EQ(signature_header(kSecret, kTime, kBody), "t=1767225600,v1=" + expected);
}

TEST(WebhookSignature, AReceiverAcceptsItInTheWindowAndRefusesEverythingElse) {
  auto header = signature_header(kSecret, kTime, kBody);
  EXPECT_TRUE(verify_signature(header, kSecret, kBody, kTime));
  EXPECT_TRUE(verify_signature(header, kSecret, kBody, kTime + 299));
  EXPECT_FALSE(verify_signature(header, kSecret, kBody, kTime + 301)) << "a replay after the window";
  EXPECT_FALSE(verify_signature(header, kSecret, kBody, kTime - 301));
  EXPECT_FALSE(verify_signature(header, "another secret", kBody, kTime));
  EXPECT_FALSE(verify_signature(header, kSecret, R"({"specversion":"1.0","id":"43"})", kTime));
  EXPECT_FALSE(verify_signature("t=1767225600", kSecret, kBody, kTime));
  EXPECT_FALSE(verify_signature("v1=" + header.substr(header.find("v1=") + 3), kSecret, kBody, kTime));
  // A header carrying two signatures (during a secret change) passes when one matches.
  EXPECT_TRUE(verify_signature(header + ",v1=00ff", kSecret, kBody, kTime));
}

}  // namespace
}  // namespace sigap::app::webhooks
