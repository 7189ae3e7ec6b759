#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"

namespace sigap::crypto {

/// Argon2id (libsodium's crypto_pwhash_str) with the "interactive" limits: about 64 MiB and a
/// few tens of milliseconds per hash. The result embeds its salt and parameters.
Result<std::string> hash_password(std::string_view password);

/// Whether `password` matches `hash`. A malformed hash never matches.
bool verify_password(std::string_view password, const std::string& hash);

/// A hash to verify against when the account does not exist, so a wrong e-mail costs the same
/// time as a wrong password.
const std::string& decoy_password_hash();

}  // namespace sigap::crypto
