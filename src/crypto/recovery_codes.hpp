#pragma once

#include <string>
#include <string_view>
#include <vector>

// One-time recovery codes for an account with a second factor: shown to the person once, stored
// only as hashes. Thread-safe.
namespace sigap::crypto {

/// `count` distinct codes such as "7KX3-QM2D": 8 characters from the Crockford base32 alphabet
/// (0-9 and A-Z without I, L, O, U; 40 bits of CSPRNG entropy each) with a dash after the
/// fourth. A count <= 0 gives an empty list.
std::vector<std::string> new_recovery_codes(int count = 10);

/// The canonical form of a code as a person typed it: ASCII upper case, spaces and dashes
/// removed, O read as 0 and I or L read as 1 (Crockford's rule for misread characters).
/// Anything else is kept, so a wrong code stays wrong.
std::string normalize_recovery_code(std::string_view typed);

// What is stored for a code is its Argon2id hash (crypto::hash_password of the normalised
// form; see app/identity/second_factor.cpp): a code carries only 40 bits, too few for a fast
// hash to withstand an offline search.

}  // namespace sigap::crypto
