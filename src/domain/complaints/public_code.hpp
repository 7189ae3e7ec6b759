#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace sigap::domain::complaints {

/// The public code of a complaint, e.g. "SGP-7KX3-QM2Y": what a citizen keeps, reads over the phone
/// and types into the tracking page. Internal ids never leave the server; this code does.
///
/// Shape: the prefix "SGP", then 8 symbols of Crockford's base32 alphabet in two groups of four. The
/// first 7 are random (drawn by app::complaints::new_public_code from the OS CSPRNG); the 8th is a
/// check symbol computed from them.
///
/// The check symbol. Each symbol is a 5-bit value, i.e. an element of the field GF(32) (polynomials
/// over GF(2) modulo x^5 + x^2 + 1). Data symbol i (0..6, left to right) has the weight a^(i+1), with
/// a = x a generator of the field's multiplicative group, and the check symbol is their weighted sum:
///     check = sum over i of a^(i+1) * d_i        (sum = XOR of the 5-bit values)
/// so that, giving the check symbol itself the weight a^0 = 1, every valid code has a zero weighted
/// sum over all 8 positions, with 8 distinct non-zero weights. Hence:
///  - every single-symbol substitution is caught: it changes the sum by w_i * e with w_i != 0 and
///    e != 0, and a field has no zero divisors;
///  - every transposition of two different symbols a != b, adjacent or not, is caught: it changes
///    the sum by (w_i + w_j) * (a + b), with w_i != w_j;
///  - any other random garble passes with probability 1/32.
/// Unlike Crockford's own mod-37 check, the check symbol stays within the 32 readable symbols (no
/// *, ~, $, =, U to spell out over the phone). tests/domain/complaints/public_code_test.cpp enumerates
/// every substitution and transposition of many codes to prove the claims above.
///
/// Guessing. 7 random symbols are 32^7 = 34,359,738,368 (2^35, about 3.4e10) codes; the check symbol
/// adds nothing, as anyone can compute it. Guessing one given complaint's code takes on average
/// 1.7e10 tries: about 54 years at 10 tries a second without pause, and the tracking route is rate
/// limited per client far below that. Finding *some* code is N times easier when N complaints exist
/// (with a million, 1 try in 34,000 hits one), which is why a code unlocks nothing private: the
/// tracking page shows only what is public (never personal data), and every write action (reply, add
/// photos, rate, reopen) needs the reporter secret handed out with the code, a separate long random
/// token. Two complaints may draw the same code (with a million codes stored, a new draw clashes with
/// probability 1 in 34,000): storage keeps the code unique and the caller draws again on a clash.

/// Crockford's base32 alphabet: digits and upper-case letters without I, L, O and U.
inline constexpr std::string_view kPublicCodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// How many random symbols a code carries (35 bits).
inline constexpr std::size_t kPublicCodeRandomSymbols = 7;
inline constexpr std::string_view kPublicCodePrefix = "SGP";

/// "7KX3QM2" -> "SGP-7KX3-QM2Y": appends the check symbol, groups, and prefixes.
/// Precondition: `seven_symbols` is exactly kPublicCodeRandomSymbols characters of
/// kPublicCodeAlphabet (upper case); anything else is a programming error (asserted).
std::string format_public_code(std::string_view seven_symbols);

/// Reads a public code as a person types it or hears it over the phone, and returns its canonical
/// form "SGP-XXXX-XXXX". Lenient where it cannot be misread: any case; spaces, tabs and dashes
/// (also en and em dashes, no-break spaces) anywhere or nowhere; the prefix "SGP" optional; O read
/// as 0, I and L as 1 (Crockford). Errors (ErrorCode::validation, one FieldError naming `field`):
///  - "Ini bukan kode Sigap" / "This is not a Sigap code": not 8 symbols after the optional prefix,
///    or a character outside the alphabet (U included, as Crockford reserves it);
///  - "... sepertinya ada salah ketik" / "... looks like a typo": the right shape, but the check
///    symbol does not match, so some symbol was misread or two were swapped.
/// The typed text is never echoed in the error.
Result<std::string> parse_public_code(std::string_view typed, std::string_view field = "code");

}  // namespace sigap::domain::complaints
