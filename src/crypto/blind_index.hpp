#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Blind indexes: a keyed hash stored beside a sealed value (crypto/sealed.hpp) so that rows can
// be found by that value (the reporter with this e-mail, this NIK) without opening every row.
//
// The index key is its own secret, separate from the sealing keys of the Keyring, and is NOT
// rotated by `sigap keys rotate`: rotating it would mean recomputing every index from the opened
// values. Equal inputs give equal indexes, so an index reveals which rows share a value (and how
// many do), never the value itself; someone holding the index key can test guesses offline, so it
// is kept as secret as the sealing keys. Thread-safe; a pure function of its inputs.
namespace sigap::crypto {

/// The length, in bytes, an index key should have (32 random bytes).
inline constexpr std::size_t kBlindIndexKeyBytes = 32;

/// HMAC-SHA256 of `normalized_value` under `index_key`, as 64 lower-case hex digits; "" for ""
/// (an empty optional field stores no index, like its sealed value; do not look up by "").
///
/// The caller normalises first so that equal values give equal indexes (e-mail: trimmed and
/// lower-cased; phone: E.164; NIK: digits only). To keep fields apart, prefix the field name
/// ("email:rina@example.id"): otherwise the same text in two fields has the same index.
/// Precondition (asserted): index_key is at least kBlindIndexKeyBytes long.
std::string blind_index(std::string_view index_key, std::string_view normalized_value);

}  // namespace sigap::crypto
