#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/conversations/conversation.hpp"

namespace sigap::domain::conversations {

/// What a typed kelurahan name matched (master_data::name_match_score, tolerant of typos).
struct PlaceMatch {
  /// The best matches, best first, at most three; empty: nothing came close.
  std::vector<Place> candidates;
  /// The first candidate is clearly meant: the only name that comes close, an exact name (the
  /// only one), or a near miss well ahead of every other name.
  bool certain = false;
};

/// Matches what a citizen typed as their kelurahan ("kel. sukarame", "Talang Kelpa") against
/// the kelurahan of the master data. Words like "kelurahan", "kel", "desa" in front are ignored.
PlaceMatch match_place(std::string_view typed, const std::vector<Place>& places);

/// A kelurahan named word for word (case and punctuation aside) inside a longer text, such as
/// the text of "LAPOR jalan berlubang di depan pasar Sukarami": the longest such name, or
/// nothing. Typos are not looked for here (a free text has too many words that nearly match).
std::optional<Place> find_place_in_text(std::string_view text, const std::vector<Place>& places);

}  // namespace sigap::domain::conversations
