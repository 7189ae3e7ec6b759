#include "channels/whatsapp/whatsapp_signature.hpp"

#include <cctype>
#include <string>

#include "crypto/hashing.hpp"

namespace sigap::channels::whatsapp {

bool signature_matches(std::string_view app_secret, std::string_view body, std::string_view header) {
  constexpr std::string_view kPrefix = "sha256=";
  if (app_secret.empty() || !header.starts_with(kPrefix)) return false;
  auto given = header.substr(kPrefix.size());
  std::string lower(given);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return crypto::constant_time_equal(crypto::hmac_sha256_hex(app_secret, body), lower);
}

}  // namespace sigap::channels::whatsapp
