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

/// What is stored for a code: SHA-256 hex of its normalised form, so "7kx3 qm2d" and
/// "7KX3-QM2D" hash alike. The hash is fast and unsalted: it keeps codes from being read
/// straight out of the database, but a stolen hash can be searched offline across the 2^40
/// codes, so callers must treat a database leak as burning every recovery code, and must limit
/// online attempts themselves.
std::string recovery_code_hash(std::string_view code);

}  // namespace sigap::crypto
