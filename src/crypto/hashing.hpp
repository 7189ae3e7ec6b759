#pragma once

#include <string>
#include <string_view>

namespace sigap::crypto {

/// SHA-256 of `data`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

/// HMAC-SHA256 of `data` under `key`, as 64 lower-case hex digits.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

/// Raw HMAC-SHA1 (20 bytes), as RFC 6238 TOTP uses it.
std::string hmac_sha1(std::string_view key, std::string_view data);

/// Compares in time that depends only on the lengths, not on where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace sigap::crypto
