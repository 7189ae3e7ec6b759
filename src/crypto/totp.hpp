#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Time-based one-time passwords (RFC 6238 over HMAC-SHA1) and the base32 text (RFC 4648) that
// authenticator apps use for their secrets. Pure functions of their inputs; thread-safe.
namespace sigap::crypto {

/// RFC 4648 base32 (alphabet A-Z, 2-7) of `bytes`, upper case, without '=' padding.
std::string base32_encode(std::string_view bytes);

/// The bytes that `text` encodes in RFC 4648 base32. Case-insensitive; spaces are ignored (people
/// copy secrets in groups of four); '=' padding is accepted only at the end, and only so that the
/// padded text is a whole number of 8-character blocks. Returns std::nullopt for a character
/// outside the alphabet, a length no encoder produces (1, 3 or 6 characters in the last block),
/// or unused trailing bits that are not zero (a non-canonical encoding).
std::optional<std::string> base32_decode(std::string_view text);

/// The RFC 6238 code for raw secret `secret_bytes` at `unix_seconds`: HMAC-SHA1 over the
/// big-endian step counter floor(unix_seconds / step), dynamic truncation, the low `digits`
/// decimal digits, zero-padded. Preconditions (asserted): unix_seconds >= 0, 6 <= digits <= 9,
/// step > 0.
std::string totp_code(std::string_view secret_bytes, std::int64_t unix_seconds, int digits = 6, int step = 30);

/// Whether `code` is the 6-digit, 30-second code for `secret_base32` at `unix_seconds` or within
/// `window` steps either side (clock drift between the server and the phone). Spaces in `code`
/// are ignored ("123 456" as apps show it). Each candidate is compared in constant time and all
/// candidates are always computed. False for an undecodable secret, a code that is not six
/// digits, or a negative time; a negative `window` counts as 0.
///
/// This does not stop replay: a code stays valid for its whole window. Callers that need
/// single use must remember the last step that succeeded for the account.
bool verify_totp(std::string_view secret_base32, std::string_view code, std::int64_t unix_seconds, int window = 1);

/// As verify_totp, but says which time step (unix_seconds / 30) the code belongs to, so a caller
/// can accept each step only once (no replay).
std::optional<std::int64_t> matching_totp_step(std::string_view secret_base32, std::string_view code,
                                               std::int64_t unix_seconds, int window = 1);

/// A fresh secret: 20 bytes (160 bits, RFC 4226's recommended length) from the OS CSPRNG, as
/// 32 base32 characters.
std::string new_totp_secret();

/// The otpauth:// URI an authenticator app reads from a QR code:
/// otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30.
/// Issuer and account are percent-encoded (RFC 3986 unreserved characters stay as they are,
/// a space becomes %20); the colon between them is literal.
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32);

}  // namespace sigap::crypto
