#include "domain/complaints/category_suggestion.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "domain/master_data/name_match.hpp"

namespace sigap::domain::complaints {

namespace {

constexpr std::string_view kAnySuffix = "nya";
constexpr std::array<std::string_view, 7> kPrefixes{"", "di", "ke", "ter", "ber", "se", "per"};
constexpr std::array<std::string_view, 7> kSuffixes{"", "nya", "an", "kan", "i", "lah", "annya"};
// Shorter keywords take only -nya: "bos" + "-an" would be "bosan" (bored).
constexpr std::size_t kMinAffixedKeyword = 4;

enum class WordMatch { none, affixed, exact };

WordMatch match_word(std::string_view word, std::string_view keyword) {
  if (word == keyword) return WordMatch::exact;
  if (word.size() == keyword.size() + kAnySuffix.size() && word.starts_with(keyword) && word.ends_with(kAnySuffix)) {
    return WordMatch::affixed;
  }
  if (keyword.size() < kMinAffixedKeyword) return WordMatch::none;
  for (auto prefix : kPrefixes) {
    if (!word.starts_with(prefix)) continue;
    auto rest = word.substr(prefix.size());
    if (!rest.starts_with(keyword)) continue;
    if (std::ranges::find(kSuffixes, rest.substr(keyword.size())) != kSuffixes.end()) return WordMatch::affixed;
  }
  return WordMatch::none;
}

std::vector<std::string> words_of(std::string_view text) {
  auto folded = master_data::fold_name(text);
  std::vector<std::string> words;
  std::string_view rest = folded;
  while (!rest.empty()) {
    auto space = rest.find(' ');
    words.emplace_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return words;
}

using Keyword = CategoryKeywords::Folded;

struct Hit {
  std::size_t category;
  std::size_t keyword;
  std::size_t start;   // first word
  std::size_t length;  // words
  bool exact;          // every word without affixes
};

std::vector<Keyword> keywords_of(const master_data::Category& category) {
  std::vector<Keyword> keywords;
  for (std::size_t i = 0; i < category.keywords.size(); ++i) {
    auto words = words_of(category.keywords[i]);
    if (words.empty()) continue;
    bool repeated = std::ranges::any_of(keywords, [&](const Keyword& k) { return k.words == words; });
    if (!repeated) keywords.push_back(Keyword{std::move(words), i});
  }
  return keywords;
}

// Every keyword word a text word can stand for: the word itself (an exact match), the word
// without "-nya" (any keyword), and the word without each prefix and suffix of match_word that
// it carries, for keywords of kMinAffixedKeyword letters or more. A keyword word K matches the
// text word W exactly when they are equal, and with affixes when K is one of W's other stems:
// the same answers as match_word(W, K), found by one lookup per keyword instead of a scan of
// the text per keyword.
void add_stems(std::string_view word, std::size_t position,
               std::unordered_map<std::string_view, std::vector<std::pair<std::size_t, bool>>>& stems) {
  auto add = [&](std::string_view stem, bool exact) {
    auto& at = stems[stem];
    if (at.empty() || at.back().first != position) at.emplace_back(position, exact);
  };
  add(word, true);
  if (word.size() > kAnySuffix.size() && word.ends_with(kAnySuffix)) {
    add(word.substr(0, word.size() - kAnySuffix.size()), false);
  }
  for (auto prefix : kPrefixes) {
    if (!word.starts_with(prefix)) continue;
    auto rest = word.substr(prefix.size());
    for (auto suffix : kSuffixes) {
      if (prefix.empty() && suffix.empty()) continue;
      if (!rest.ends_with(suffix) || rest.size() < suffix.size() + kMinAffixedKeyword) continue;
      add(rest.substr(0, rest.size() - suffix.size()), false);
    }
  }
}

std::vector<Hit> hits_in(const std::vector<std::string>& text, const std::vector<std::vector<Keyword>>& keywords) {
  std::unordered_map<std::string_view, std::vector<std::pair<std::size_t, bool>>> stems;
  for (std::size_t position = 0; position < text.size(); ++position) add_stems(text[position], position, stems);
  std::vector<Hit> hits;
  for (std::size_t c = 0; c < keywords.size(); ++c) {
    for (std::size_t k = 0; k < keywords[c].size(); ++k) {
      const auto& words = keywords[c][k].words;
      auto first = stems.find(words.front());
      if (first == stems.end()) continue;
      for (auto [start, first_exact] : first->second) {
        if (start + words.size() > text.size()) continue;
        bool exact = first_exact;
        bool match = true;
        for (std::size_t w = 1; w < words.size() && match; ++w) {
          auto how = match_word(text[start + w], words[w]);
          match = how != WordMatch::none;
          exact = exact && how == WordMatch::exact;
        }
        if (match) hits.push_back(Hit{c, k, start, words.size(), exact});
      }
    }
  }
  return hits;
}

}  // namespace

std::optional<CategorySuggestion> suggest_category(std::string_view description,
                                                   const std::vector<master_data::Category>& categories) {
  return CategoryKeywords(categories).suggest(description);
}

CategoryKeywords::CategoryKeywords(std::vector<master_data::Category> categories) : categories_(std::move(categories)) {
  keywords_.reserve(categories_.size());
  for (const auto& category : categories_) keywords_.push_back(keywords_of(category));
}

std::optional<CategorySuggestion> CategoryKeywords::suggest(std::string_view description) const {
  const auto& categories = categories_;
  const auto& keywords = keywords_;
  auto text = words_of(description);
  if (text.empty()) return std::nullopt;
  auto hits = hits_in(text, keywords);

  // The longest keyword over each word of the text, and the spans some keyword matches exactly.
  std::vector<std::size_t> longest(text.size(), 0);
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> exact_spans;  // category, start, length
  for (const auto& hit : hits) {
    for (auto w = hit.start; w < hit.start + hit.length; ++w) longest[w] = std::max(longest[w], hit.length);
    if (hit.exact) exact_spans.emplace(hit.category, hit.start, hit.length);
  }

  // Per category: each counted keyword and where it first appears.
  std::vector<std::map<std::size_t, std::size_t>> counted(categories.size());
  for (const auto& hit : hits) {
    bool overlapped = std::any_of(longest.begin() + static_cast<std::ptrdiff_t>(hit.start),
                                  longest.begin() + static_cast<std::ptrdiff_t>(hit.start + hit.length),
                                  [&](std::size_t length) { return length > hit.length; });
    if (overlapped) continue;
    if (!hit.exact && exact_spans.contains({hit.category, hit.start, hit.length})) continue;
    auto [at, fresh] = counted[hit.category].try_emplace(hit.keyword, hit.start);
    if (!fresh) at->second = std::min(at->second, hit.start);
  }

  std::size_t best = 0;
  for (std::size_t c = 1; c < categories.size(); ++c) {
    if (counted[c].size() > counted[best].size()) best = c;
  }
  if (categories.empty() || counted[best].empty()) return std::nullopt;

  std::vector<std::pair<std::size_t, std::size_t>> order;  // first appearance, keyword
  for (auto [keyword, start] : counted[best]) order.emplace_back(start, keyword);
  std::ranges::sort(order);
  CategorySuggestion suggestion{categories[best].code, {}};
  for (auto [start, keyword] : order) {
    suggestion.matched_keywords.push_back(categories[best].keywords.at(keywords[best][keyword].index));
  }
  return suggestion;
}

}  // namespace sigap::domain::complaints
