#include "crypto/blind_index.hpp"

#include <cassert>

#include "crypto/hashing.hpp"

namespace sigap::crypto {

std::string blind_index(std::string_view index_key, std::string_view normalized_value) {
  assert(index_key.size() >= kBlindIndexKeyBytes);
  if (normalized_value.empty()) return {};
  return hmac_sha256_hex(index_key, normalized_value);
}

}  // namespace sigap::crypto
