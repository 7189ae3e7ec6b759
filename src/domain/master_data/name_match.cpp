#include "domain/master_data/name_match.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace sigap::domain::master_data {

namespace {

// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

// 0..100 from an edit distance relative to the longer string; a distance over a third of the
// length is no match.
int similarity(std::string_view a, std::string_view b) {
  auto longest = std::max(a.size(), b.size());
  if (longest == 0) return 0;
  auto distance = edit_distance(a, b);
  if (distance * 3 > longest) return 0;
  return static_cast<int>(100 - (distance * 100 + longest - 1) / longest);
}

std::vector<std::string_view> words_of(std::string_view folded) {
  std::vector<std::string_view> words;
  while (!folded.empty()) {
    auto space = folded.find(' ');
    words.push_back(folded.substr(0, space));
    folded = space == std::string_view::npos ? "" : folded.substr(space + 1);
  }
  return words;
}

}  // namespace

std::string fold_name(std::string_view name) {
  std::string out;
  bool pending_space = false;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += static_cast<char>(std::tolower(u));
    } else {
      pending_space = true;
    }
  }
  return out;
}

int name_match_score(std::string_view query, std::string_view name) {
  auto q = fold_name(query);
  auto n = fold_name(name);
  if (q.empty() || n.empty()) return 0;
  if (q == n) return 100;
  if (n.starts_with(q)) return 90;
  auto words = words_of(n);
  for (auto word : words) {
    if (word == q) return 85;
  }
  if (n.find(q) != std::string::npos) return 80;
  // Near misses: the whole name, or any single word when the query is one word.
  int best = similarity(q, n) * 3 / 4;
  if (q.find(' ') == std::string::npos) {
    for (auto word : words) best = std::max(best, similarity(q, word) * 7 / 10);
  }
  return best;
}

}  // namespace sigap::domain::master_data
