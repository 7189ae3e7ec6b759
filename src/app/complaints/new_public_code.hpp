#pragma once

#include <string>

namespace sigap::app::complaints {

/// A fresh public code for a new complaint, e.g. "SGP-7KX3-QM2Y": 7 symbols drawn uniformly from
/// Crockford's base32 alphabet by the OS CSPRNG (35 bits), then the check symbol
/// (domain::complaints::format_public_code, which documents the format and the odds of guessing).
/// Codes are not unique by construction: the caller stores the code under a unique constraint and
/// draws again when it clashes. Thread-safe.
std::string new_public_code();

}  // namespace sigap::app::complaints
