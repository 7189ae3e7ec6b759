#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/master_data/category.hpp"

namespace sigap::domain::complaints {

/// The category that a complaint's own words point to, for a reporter who picked none; the intake
/// answer says it was suggested, and staff can change it.
struct CategorySuggestion {
  std::string category_code;
  std::vector<std::string> matched_keywords;  // as written in the category, in order of first appearance

  bool operator==(const CategorySuggestion&) const = default;
};

/// Suggests the category whose keywords the description mentions most. Pure and thread-safe.
///
/// Matching. The description and the keywords are folded alike (master_data::fold_name: ASCII lower
/// case; punctuation, emoji and other non-ASCII characters separate words) and compared word by word;
/// a keyword of several words ("lampu jalan", "gorong-gorong") matches those words in a row.
/// Keywords match whole words, never inside a word ("air" does not match "pasir" or "perairan"), but
/// a word may carry common Indonesian affixes around the keyword, as complaints are written in
/// everyday Indonesian:
///  - any keyword: the suffix -nya ("airnya", "sampahnya");
///  - keywords of 4 letters or more also: the prefixes di-, ke-, ter-, ber-, se-, per- and the
///    suffixes -an, -kan, -i, -lah, -annya, alone or together ("diangkut", "kebanjiran",
///    "perizinan", "jalanannya").
/// So "pasaran" does count for "pasar" (pasar + -an), as "jalanan" counts for "jalan": in complaints
/// such forms nearly always speak of the thing itself. The nasal prefixes (me-, mem-, men-, meng-,
/// meny-, pe-, peng-...) change the stem's first letter and are not undone.
///
/// Scoring. Where keywords overlap in the text, the longest wins: in "lampu jalan mati" the words
/// "lampu jalan" count for the street-light keyword "lampu jalan" and not again for "jalan" (roads).
/// Where a category has both a word and its affixed form ("berlubang", "lubang"), the word written
/// exactly counts and the other does not. A category scores the number of its distinct keywords
/// that count (a word repeated does not score again). The highest score wins; a tie goes to the
/// category listed first in `categories`. nullopt when no keyword matches (then the complaint goes
/// to the triage unit uncategorised, or to "lainnya").
///
/// Cost: proportional to (words in the text) x (keywords in all categories).
std::optional<CategorySuggestion> suggest_category(std::string_view description,
                                                   const std::vector<master_data::Category>& categories);

/// The same suggestion with the categories' keywords folded once, for a caller that suggests
/// for many reports with one category list (intake keeps one while its list is fresh): folding
/// every keyword of every category was most of a suggestion's cost. Immutable, thread-safe.
class CategoryKeywords {
 public:
  explicit CategoryKeywords(std::vector<master_data::Category> categories);
  [[nodiscard]] const std::vector<master_data::Category>& categories() const { return categories_; }
  [[nodiscard]] std::optional<CategorySuggestion> suggest(std::string_view description) const;

  /// One keyword of a category, folded into words; `index` is its place in Category::keywords.
  struct Folded {
    std::vector<std::string> words;
    std::size_t index = 0;
  };

 private:
  std::vector<master_data::Category> categories_;
  std::vector<std::vector<Folded>> keywords_;  // per category, same order
};

}  // namespace sigap::domain::complaints
