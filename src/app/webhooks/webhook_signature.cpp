#include "app/webhooks/webhook_signature.hpp"

#include <charconv>
#include <vector>

#include "crypto/hashing.hpp"

namespace sigap::app::webhooks {

std::string signature_header(std::string_view secret, std::int64_t unix_seconds, std::string_view body) {
  auto t = std::to_string(unix_seconds);
  std::string signed_payload;
  signed_payload.reserve(t.size() + 1 + body.size());
  signed_payload.append(t).append(".").append(body);
  return "t=" + t + ",v1=" + crypto::hmac_sha256_hex(secret, signed_payload);
}

bool verify_signature(std::string_view header, std::string_view secret, std::string_view body, std::int64_t now_unix,
                      std::int64_t tolerance_seconds) {
  std::string_view t_text;
  std::vector<std::string_view> signatures;
  std::size_t start = 0;
  while (start <= header.size()) {
    auto end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    auto part = header.substr(start, end - start);
    start = end + 1;
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.starts_with("t=")) t_text = part.substr(2);
    if (part.starts_with("v1=")) signatures.push_back(part.substr(3));
  }
  std::int64_t t = 0;
  auto [ptr, ec] = std::from_chars(t_text.data(), t_text.data() + t_text.size(), t);
  if (t_text.empty() || ec != std::errc() || ptr != t_text.data() + t_text.size() || signatures.empty()) return false;
  if (t < now_unix - tolerance_seconds || t > now_unix + tolerance_seconds) return false;
  std::string signed_payload = std::string(t_text) + "." + std::string(body);
  auto expected = crypto::hmac_sha256_hex(secret, signed_payload);
  bool matched = false;
  for (auto candidate : signatures) matched = crypto::constant_time_equal(expected, candidate) || matched;
  return matched;
}

}  // namespace sigap::app::webhooks
