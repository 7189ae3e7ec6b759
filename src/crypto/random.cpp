#include "crypto/random.hpp"

#include <stdexcept>
#include <string_view>
#include <vector>

#include <sodium.h>

namespace sigap::crypto {

void ensure_sodium() {
  static const bool ready = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise");
    return true;
  }();
  (void)ready;
}

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string random_string(std::size_t count, std::string_view alphabet) {
  ensure_sodium();
  std::string out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    out += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
  }
  return out;
}

}  // namespace sigap::crypto
