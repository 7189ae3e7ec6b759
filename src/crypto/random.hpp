#pragma once

#include <cstddef>
#include <string>

namespace sigap::crypto {

/// Initialises libsodium once (thread-safe); every function here calls it.
void ensure_sodium();

/// `bytes` random bytes from the OS CSPRNG, as URL-safe base64 without padding.
std::string random_token(std::size_t bytes);

/// `count` characters drawn uniformly from `alphabet` (e.g. Crockford base32).
std::string random_string(std::size_t count, std::string_view alphabet);

}  // namespace sigap::crypto
