#pragma once

#include <array>
#include <string_view>

namespace sigap::testing {

// Personal data no test may find in clear in a database file, a table or a log. They are used
// only by the tests that check exactly that; tools/check-no-personal-data greps the whole
// test log of `make test` for the same strings (keep both lists equal).
inline constexpr std::string_view kSentinelPhone = "+62 811-7171-5511";
inline constexpr std::string_view kSentinelPhoneDigits = "6281171715511";
inline constexpr std::string_view kSentinelNik = "1671044107950003";
inline constexpr std::string_view kSentinelEmail = "cahaya.ampera@contoh.id";
inline constexpr std::string_view kSentinelName = "Cahaya Ampera Sentosa";

inline constexpr std::array<std::string_view, 4> kSentinelsInClear{"81171715511", kSentinelNik, kSentinelEmail,
                                                                   kSentinelName};

}  // namespace sigap::testing
