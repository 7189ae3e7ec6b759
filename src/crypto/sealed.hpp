#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"
#include "crypto/keyring.hpp"

// Personal data sealed at rest: libsodium secretbox (XSalsa20-Poly1305, authenticated) under the
// current key of a Keyring, with a fresh random 24-byte nonce per value. A sealed value is text,
// so it fits any column:
//
//     v1.<key id>.<base64url without padding of nonce | ciphertext with its 16-byte tag>
//
// e.g. "v1.2.q7dJ...". Plaintext of n bytes gives 3 + digits(id) + 1 + ceil((40 + n) * 4 / 3)
// characters. The empty string seals to the empty string: an optional field left empty stays
// empty and hides nothing. Sealing does not bind a value to its row or column; moving a sealed
// value elsewhere is prevented by the database's access rules, not here.
//
// Pure functions of their inputs (plus the OS CSPRNG); thread-safe with a const Keyring.
namespace sigap::crypto {

/// `plaintext` (any bytes) sealed under `keyring`'s current key; "" for "".
std::string seal(const Keyring& keyring, std::string_view plaintext);

/// The plaintext of `sealed`; "" for "". A value in another format, under a key id the ring does
/// not hold, or whose ciphertext fails authentication (tampered, truncated, or sealed under a
/// different key with the same id) gives ErrorCode::internal; the log detail says which and
/// names the key id, never the plaintext or the sealed text.
Result<std::string> open(const Keyring& keyring, std::string_view sealed);

/// Whether `sealed` is in the current format under `keyring`'s current key, so a key rotation
/// need not touch it. True for "" (nothing to re-seal); false for anything not in the format.
/// Looks only at the text (the prefix and the body's alphabet): it neither decodes nor
/// authenticates.
bool sealed_with_current(const Keyring& keyring, std::string_view sealed);

/// `sealed` opened and, unless it already is under the current key, sealed again under it, for
/// `sigap keys rotate`. The value is always opened, so a damaged value is reported (the same
/// errors as open()) rather than carried along; a value already current is returned unchanged.
Result<std::string> reseal(const Keyring& keyring, std::string_view sealed);

}  // namespace sigap::crypto
