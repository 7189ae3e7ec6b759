#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sigap::domain::conversations {

/// How an SMS is encoded (3GPP TS 23.038): the GSM 7-bit default alphabet, where the
/// characters of its extension table (^ { } \ [ ~ ] | €) take two septets, or UCS-2 as soon as
/// one character is in neither table (emoji, most accented letters, non-Latin scripts).
enum class SmsEncoding { gsm7, ucs2 };

/// A text cut into SMS.
struct SmsSplit {
  SmsEncoding encoding = SmsEncoding::gsm7;
  /// Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text.
  std::size_t units = 0;
  /// The parts, in UTF-8: one when the text fits one SMS (160 septets / 70 units), else parts of
  /// at most 153 septets / 67 units (what is left beside the concatenation header). A part never
  /// ends inside a character, an extension pair or a surrogate pair; it ends after a space when
  /// one is in its last third, so that parts delivered separately read well.
  std::vector<std::string> parts;
};

inline constexpr std::size_t kGsm7Single = 160;
inline constexpr std::size_t kGsm7Part = 153;
inline constexpr std::size_t kUcs2Single = 70;
inline constexpr std::size_t kUcs2Part = 67;

/// The encoding `utf8` needs and how it splits. Invalid UTF-8 bytes count as U+FFFD (UCS-2).
SmsSplit split_sms(std::string_view utf8);

}  // namespace sigap::domain::conversations
