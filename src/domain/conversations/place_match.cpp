#include "domain/conversations/place_match.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "domain/master_data/name_match.hpp"

namespace sigap::domain::conversations {

namespace dm = domain::master_data;

namespace {

constexpr int kCandidateScore = 50;  // name_match_score's "a typo, still meant" line
constexpr int kCertainScore = 75;
constexpr int kLead = 10;            // a near miss is certain when this far ahead of the next
constexpr std::size_t kMaxCandidates = 3;

std::string without_prefix(std::string folded) {
  static constexpr std::array<std::string_view, 5> kPrefixes{"kelurahan ", "kel ", "desa ", "kelurahan", "di "};
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (auto prefix : kPrefixes) {
      if (folded.starts_with(prefix) && folded.size() > prefix.size()) {
        folded.erase(0, prefix.size());
        while (folded.starts_with(' ')) folded.erase(0, 1);
        stripped = true;
      }
    }
  }
  return folded;
}

// " word " with a space on each side, so a name matches whole words only. (Appended, not
// `" " + word + " "`: GCC 12 at -O3 reports a false -Wrestrict overlap on that expression.)
std::string spaced(std::string_view word) {
  std::string out;
  out.reserve(word.size() + 2);
  out.push_back(' ');
  out.append(word);
  out.push_back(' ');
  return out;
}

}  // namespace

PlaceMatch match_place(std::string_view typed, const std::vector<Place>& places) {
  PlaceMatch match;
  auto query = without_prefix(dm::fold_name(typed));
  if (query.empty()) return match;
  std::vector<std::pair<int, const Place*>> scored;
  for (const auto& place : places) {
    int score = dm::name_match_score(query, place.name);
    if (score >= kCandidateScore) scored.emplace_back(score, &place);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < scored.size() && i < kMaxCandidates; ++i) match.candidates.push_back(*scored[i].second);
  if (scored.empty()) return match;
  const int best = scored.front().first;
  const int next = scored.size() > 1 ? scored[1].first : 0;
  // One name comes close (a typo), an exact name, or a near miss well ahead of the next.
  match.certain = scored.size() == 1 || (best == 100 && next < 100) || (best >= kCertainScore && best - next >= kLead);
  return match;
}

std::optional<Place> find_place_in_text(std::string_view text, const std::vector<Place>& places) {
  const std::string haystack = spaced(dm::fold_name(text));
  const Place* found = nullptr;
  std::size_t found_length = 0;
  for (const auto& place : places) {
    auto name = dm::fold_name(place.name);
    if (name.empty()) continue;
    if (haystack.find(spaced(name)) != std::string::npos && name.size() > found_length) {
      found = &place;
      found_length = name.size();
    }
  }
  if (!found) return std::nullopt;
  return *found;
}

}  // namespace sigap::domain::conversations
