#pragma once

#include <string_view>

#include "common/text.hpp"

namespace sigap::channels::email {

/// The language a report is written in, to write back in the same: English when more of its
/// words are common English words than common Indonesian ones, Indonesian otherwise (a tie, a
/// text of neither, a short text). Pure; thread-safe.
Language guess_language(std::string_view text);

}  // namespace sigap::channels::email
