#include "crypto/totp.hpp"

#include <array>
#include <cassert>
#include <cstddef>

#include "crypto/hashing.hpp"
#include "crypto/random.hpp"

namespace sigap::crypto {

namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr int kVerifyDigits = 6;
constexpr int kVerifyStep = 30;
constexpr std::size_t kSecretBytes = 20;

/// The 5-bit value of a base32 character (either case), or -1.
int base32_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

/// 8 big-endian bytes of `counter`, the HMAC message RFC 4226 specifies.
std::string counter_message(std::uint64_t counter) {
  std::string message(8, '\0');
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<char>(counter & 0xff);
    counter >>= 8;
  }
  return message;
}

std::string hotp(std::string_view secret_bytes, std::uint64_t counter, int digits) {
  const std::string mac = hmac_sha1(secret_bytes, counter_message(counter));
  assert(mac.size() == 20);
  const auto byte = [&mac](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(mac[i])); };
  const std::size_t offset = byte(mac.size() - 1) & 0x0f;
  const std::uint32_t binary =
      ((byte(offset) & 0x7f) << 24) | (byte(offset + 1) << 16) | (byte(offset + 2) << 8) | byte(offset + 3);
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::uint32_t value = binary % modulus;
  std::string code(static_cast<std::size_t>(digits), '0');
  for (auto it = code.rbegin(); it != code.rend() && value != 0; ++it) {
    *it = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return code;
}

void append_percent_encoded(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    }
  }
}

}  // namespace

std::string base32_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += kBase32Alphabet[(buffer >> bits) & 0x1f];
    }
    buffer &= (1U << bits) - 1;  // keep only the bits not yet written
  }
  if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 0x1f];
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 5 / 8);
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t symbols = 0;
  std::size_t padding = 0;
  for (char c : text) {
    if (c == ' ') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding > 0) return std::nullopt;  // data after padding
    const int value = base32_value(c);
    if (value < 0) return std::nullopt;
    ++symbols;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
      buffer &= (1U << bits) - 1;
    }
  }
  const std::size_t tail = symbols % 8;
  if (tail == 1 || tail == 3 || tail == 6) return std::nullopt;
  if (padding > 0 && (symbols + padding) % 8 != 0) return std::nullopt;
  if (padding >= 8) return std::nullopt;
  if (buffer != 0) return std::nullopt;  // leftover bits (fewer than 8) must be zero
  return out;
}

std::string totp_code(std::string_view secret_bytes, std::int64_t unix_seconds, int digits, int step) {
  assert(unix_seconds >= 0);
  assert(digits >= 6 && digits <= 9);
  assert(step > 0);
  return hotp(secret_bytes, static_cast<std::uint64_t>(unix_seconds / step), digits);
}

std::optional<std::int64_t> matching_totp_step(std::string_view secret_base32, std::string_view code,
                                               std::int64_t unix_seconds, int window) {
  if (unix_seconds < 0) return std::nullopt;
  const auto secret = base32_decode(secret_base32);
  if (!secret || secret->empty()) return std::nullopt;

  std::string typed;
  for (char c : code) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return std::nullopt;
    typed += c;
  }
  if (typed.size() != static_cast<std::size_t>(kVerifyDigits)) return std::nullopt;

  if (window < 0) window = 0;
  const std::int64_t current = unix_seconds / kVerifyStep;
  std::optional<std::int64_t> matched;
  for (std::int64_t step = current - window; step <= current + window; ++step) {
    if (step < 0) continue;
    const std::string expected = hotp(*secret, static_cast<std::uint64_t>(step), kVerifyDigits);
    if (constant_time_equal(expected, typed) && !matched) matched = step;  // every step is still computed
  }
  return matched;
}

bool verify_totp(std::string_view secret_base32, std::string_view code, std::int64_t unix_seconds, int window) {
  return matching_totp_step(secret_base32, code, unix_seconds, window).has_value();
}

std::string new_totp_secret() {
  // 32 characters drawn uniformly from the 32-symbol alphabet carry exactly 160 uniform bits:
  // the encoding of 20 random bytes.
  return random_string(kSecretBytes * 8 / 5, kBase32Alphabet);
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32) {
  std::string uri = "otpauth://totp/";
  append_percent_encoded(uri, issuer);
  uri += ':';
  append_percent_encoded(uri, account);
  uri += "?secret=";
  append_percent_encoded(uri, secret_base32);
  uri += "&issuer=";
  append_percent_encoded(uri, issuer);
  uri += "&algorithm=SHA1&digits=6&period=30";
  return uri;
}

}  // namespace sigap::crypto
