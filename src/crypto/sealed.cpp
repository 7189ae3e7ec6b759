#include "crypto/sealed.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <optional>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <sodium.h>

#include "crypto/random.hpp"

namespace sigap::crypto {

namespace {

constexpr std::string_view kPrefix = "v1.";
constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t kOverhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;

struct SealedParts {
  Keyring::KeyId key_id = 0;
  std::string_view body;  // base64url of nonce | ciphertext
};

bool is_base64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Splits "v1.<id>.<body>"; std::nullopt when the shape is wrong. The body's characters are
// checked, but it is not decoded here.
std::optional<SealedParts> split(std::string_view sealed) {
  if (!sealed.starts_with(kPrefix)) return std::nullopt;
  sealed.remove_prefix(kPrefix.size());
  const auto dot = sealed.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 9) return std::nullopt;
  const std::string_view id = sealed.substr(0, dot);
  if (id.front() < '1' || id.front() > '9') return std::nullopt;  // digits only, no leading zero or sign
  SealedParts parts;
  const auto [end, error] = std::from_chars(id.data(), id.data() + id.size(), parts.key_id);
  if (error != std::errc{} || end != id.data() + id.size()) return std::nullopt;
  parts.body = sealed.substr(dot + 1);
  if (parts.body.empty() || !std::all_of(parts.body.begin(), parts.body.end(), is_base64url)) return std::nullopt;
  return parts;
}

Error cannot_open(std::string detail) { return Error::internal("sealed value: " + std::move(detail)); }

}  // namespace

std::string seal(const Keyring& keyring, std::string_view plaintext) {
  if (plaintext.empty()) return {};
  ensure_sodium();
  std::vector<unsigned char> raw(kOverhead + plaintext.size());
  unsigned char* nonce = raw.data();
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(raw.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(), nonce,
                        keyring.current().data());

  std::string out = fmt::format("{}{}.", kPrefix, keyring.current_id());
  const std::size_t head = out.size();
  out.resize(head + sodium_base64_ENCODED_LEN(raw.size(), kVariant));
  sodium_bin2base64(out.data() + head, out.size() - head, raw.data(), raw.size(), kVariant);
  out.resize(out.size() - 1);  // the encoder's terminating NUL
  return out;
}

Result<std::string> open(const Keyring& keyring, std::string_view sealed) {
  if (sealed.empty()) return std::string();
  const auto parts = split(sealed);
  if (!parts) return cannot_open("not in the v1.<key id>.<base64url> format");
  const Keyring::KeyBytes* key = keyring.find(parts->key_id);
  if (key == nullptr) {
    return cannot_open(fmt::format("sealed under key {}, which the keyring (keys up to {}) does not hold",
                                   parts->key_id, keyring.current_id()));
  }

  std::vector<unsigned char> raw(parts->body.size() * 3 / 4 + 1);
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(raw.data(), raw.size(), parts->body.data(), parts->body.size(), nullptr, &length, &end,
                        kVariant) != 0 ||
      end != parts->body.data() + parts->body.size()) {
    return cannot_open(fmt::format("sealed under key {}, but its body is not base64url", parts->key_id));
  }
  if (length < kOverhead) return cannot_open(fmt::format("sealed under key {}, but too short", parts->key_id));

  std::string plaintext(length - kOverhead, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()),
                                 raw.data() + crypto_secretbox_NONCEBYTES, length - crypto_secretbox_NONCEBYTES,
                                 raw.data(), key->data()) != 0) {
    return cannot_open(
        fmt::format("sealed under key {}, but does not authenticate (altered, or sealed under another key {})",
                    parts->key_id, parts->key_id));
  }
  return plaintext;
}

bool sealed_with_current(const Keyring& keyring, std::string_view sealed) {
  if (sealed.empty()) return true;
  const auto parts = split(sealed);
  return parts && parts->key_id == keyring.current_id();
}

Result<std::string> reseal(const Keyring& keyring, std::string_view sealed) {
  auto opened = open(keyring, sealed);
  if (!opened) return opened;
  if (sealed_with_current(keyring, sealed)) {
    sodium_memzero(opened->data(), opened->size());
    return std::string(sealed);
  }
  std::string resealed = seal(keyring, *opened);
  sodium_memzero(opened->data(), opened->size());
  return resealed;
}

}  // namespace sigap::crypto
