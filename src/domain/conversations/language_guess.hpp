#pragma once

#include <string_view>

#include "common/text.hpp"

namespace sigap::domain::conversations {

/// The language a citizen wrote `text` in: English when it holds more common English words
/// ("the", "is", "my", "please", "hello", "road", ...) than common Indonesian ones ("yang",
/// "di", "saya", "tolong", "halo", "jalan", ...); Bahasa Indonesia otherwise, including on a
/// tie and for text with neither (a number, a name, an emoji). Case and punctuation are ignored.
Language guess_language(std::string_view text);

}  // namespace sigap::domain::conversations
