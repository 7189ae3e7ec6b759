#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include "common/error.hpp"

// The rules a new password must meet (length, not a well-known password, not the e-mail), in
// the spirit of NIST SP 800-63B: no composition rules, no forced rotation. Pure; thread-safe.
namespace sigap::domain::identity {

/// Bounds on a password's length, counted in Unicode code points.
inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 128;

/// Checks `password` (UTF-8) against the rules, in this order:
///   1. at least kMinPasswordLength code points ("kata sandi 🔒🔒" is 13: each emoji is one);
///   2. at most kMaxPasswordLength code points;
///   3. not in `common_passwords` after ASCII lower-casing (the set must hold lower-case entries);
///   4. not equal, ignoring ASCII case, to `email` or to its local part (before the last '@');
///      an empty `email` skips this rule.
/// The first rule broken gives ErrorCode::validation with one FieldError on "password" that
/// says, in Indonesian and English, what to change. Bytes that are not valid UTF-8 lead bytes
/// are counted as UTF-8 continuation bytes would be: not at all.
Result<void> check_password(std::string_view password, const std::unordered_set<std::string>& common_passwords,
                            std::string_view email = "");

}  // namespace sigap::domain::identity
