#include "crypto/recovery_codes.hpp"

#include <algorithm>
#include <cstddef>

#include "crypto/hashing.hpp"
#include "crypto/random.hpp"

namespace sigap::crypto {

namespace {

constexpr std::string_view kCrockfordAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kHalfLength = 4;

}  // namespace

std::vector<std::string> new_recovery_codes(int count) {
  std::vector<std::string> codes;
  if (count <= 0) return codes;
  codes.reserve(static_cast<std::size_t>(count));
  while (codes.size() < static_cast<std::size_t>(count)) {
    std::string code =
        random_string(kHalfLength, kCrockfordAlphabet) + '-' + random_string(kHalfLength, kCrockfordAlphabet);
    // A repeat is vanishingly rare with 40 bits, but the promise is a list of distinct codes.
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(std::move(code));
  }
  return codes;
}

std::string normalize_recovery_code(std::string_view typed) {
  std::string out;
  out.reserve(typed.size());
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    out += c;
  }
  return out;
}


}  // namespace sigap::crypto
