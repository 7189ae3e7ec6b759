#pragma once

#include <string>
#include <string_view>

namespace sigap::channels::email {

/// Small text chores of mail bodies. Pure; thread-safe.

/// Valid UTF-8: every byte sequence that is not UTF-8 (overlong, surrogate, cut short) is
/// replaced by U+FFFD, so a mislabelled charset still gives text intake accepts.
std::string to_valid_utf8(std::string_view text);

/// Line breaks as "\n" (CRLF and lone CR too); control characters other than newline and tab
/// dropped (intake refuses them), tabs kept.
std::string plain_lines(std::string_view text);

/// Trailing spaces of each line removed, runs of blank lines made one, blank lines at the start
/// and the end removed.
std::string tidy_lines(std::string_view text);

/// At most `max_code_points` code points of valid UTF-8 `text`, cut at a character boundary.
std::string cut_utf8(std::string_view text, std::size_t max_code_points);

}  // namespace sigap::channels::email
