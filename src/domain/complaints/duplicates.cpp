#include "domain/complaints/duplicates.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

#include "domain/complaints/contact.hpp"

namespace sigap::domain::complaints {

namespace {

// Words that say nothing about what is wrong where: function words, their SMS spellings, and the
// courtesies every complaint carries. Sorted, for binary search.
constexpr auto kStopWords = std::to_array<std::string_view>({
    "ada",    "adalah", "admin",  "agar",   "aja",    "akan",   "aku",      "apa",    "atau",  "bagi",
    "banget", "bapak",  "belum",  "bgt",    "bisa",   "blm",    "bu",       "dalam",  "dan",   "dapat",
    "dari",   "dg",     "dgn",    "di",     "dlm",    "dong",   "dr",       "enggak", "ga",    "gak",
    "hanya",  "harus",  "hingga", "ibu",    "ini",    "itu",    "jadi",     "jg",     "jika",  "juga",
    "kalau",  "kalo",   "kami",   "kan",    "karena", "kasih",  "ke",       "kita",   "kmi",   "kok",
    "krn",    "lagi",   "lah",    "masih",  "min",    "mohon",  "namun",    "ngga",   "nggak", "nih",
    "nya",    "oleh",   "pada",   "pak",    "para",   "pd",     "pun",      "saja",   "sama",  "sampai",
    "sangat", "saya",   "sdh",    "sedang", "segera", "sejak",  "sekali",   "sih",    "sm",    "sudah",
    "supaya", "sy",     "tapi",   "tdk",    "telah",  "terima", "tersebut", "tetapi", "tidak", "tolong",
    "tp",     "tsb",    "tuh",    "udah",   "untuk",  "utk",    "ya",       "yang",   "yg",    "yth",
});
static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));

bool is_stop_word(std::string_view word) { return std::binary_search(kStopWords.begin(), kStopWords.end(), word); }

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

void keep_word(std::string word, std::vector<std::string>& words) {
  constexpr std::string_view kSuffix = "nya";
  if (word.size() >= kSuffix.size() + 3 && word.ends_with(kSuffix)) word.resize(word.size() - kSuffix.size());
  if (word.size() < 2 || is_stop_word(word)) return;
  words.push_back(std::move(word));
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  // Both sorted and without repeats: count the common words in one walk.
  std::size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  auto all = a.size() + b.size() - common;
  return static_cast<double>(common) / static_cast<double>(all);
}

struct Ranked {
  ScoredDuplicate duplicate;
  TimePoint submitted_at;
};

}  // namespace

std::vector<std::string> fold_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (is_ascii_alnum(c)) {
      word += ascii_lower(c);
    } else if (!word.empty()) {
      keep_word(std::move(word), words);
      word.clear();
    }
  }
  if (!word.empty()) keep_word(std::move(word), words);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::vector<std::uint64_t> word_fingerprints(std::string_view text) {
  std::vector<std::uint64_t> prints;
  for (const auto& word : fold_words(text)) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
    for (unsigned char c : word) {
      hash ^= c;
      hash *= 1099511628211ULL;
    }
    prints.push_back(hash);
  }
  std::sort(prints.begin(), prints.end());
  prints.erase(std::unique(prints.begin(), prints.end()), prints.end());
  return prints;
}

double text_similarity(std::string_view a, std::string_view b) {
  return jaccard(word_fingerprints(a), word_fingerprints(b));
}

std::vector<ScoredDuplicate> possible_duplicates(const Candidate& incoming, const std::vector<Candidate>& open_cases,
                                                 TimePoint now) {
  std::vector<const Candidate*> lent;
  lent.reserve(open_cases.size());
  for (const auto& other : open_cases) lent.push_back(&other);
  return possible_duplicates(incoming, lent, now);
}

std::vector<ScoredDuplicate> possible_duplicates(const Candidate& incoming,
                                                 const std::vector<const Candidate*>& open_cases, TimePoint now) {
  const auto incoming_prints = incoming.fingerprints.empty() ? word_fingerprints(incoming.text) : incoming.fingerprints;
  std::vector<Ranked> ranked;
  for (const auto* lent : open_cases) {
    const auto& other = *lent;
    if (!other.open || other.category_code != incoming.category_code) continue;
    if (incoming.id != 0 && other.id == incoming.id) continue;
    if (now - other.submitted_at > kDuplicateWindow) continue;

    std::optional<double> distance;
    if (incoming.location && other.location) {
      distance = distance_m(*incoming.location, *other.location);
      if (*distance > kDuplicateRadiusM) continue;
    } else if (incoming.kelurahan_code.empty() || incoming.kelurahan_code != other.kelurahan_code) {
      continue;
    }

    double score = other.fingerprints.empty() ? jaccard(incoming_prints, word_fingerprints(other.text))
                                              : jaccard(incoming_prints, other.fingerprints);
    if (score < kMinTextSimilarity) continue;
    ranked.push_back({ScoredDuplicate{other.id, score, distance}, other.submitted_at});
  }

  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.duplicate.score != b.duplicate.score) return a.duplicate.score > b.duplicate.score;
    // A known distance ranks before an unknown one; nearer before farther.
    auto da = a.duplicate.distance_m.value_or(kDuplicateRadiusM + 1);
    auto db = b.duplicate.distance_m.value_or(kDuplicateRadiusM + 1);
    if (da != db) return da < db;
    if (a.submitted_at != b.submitted_at) return a.submitted_at > b.submitted_at;
    return a.duplicate.id < b.duplicate.id;
  });

  std::vector<ScoredDuplicate> out;
  out.reserve(ranked.size());
  for (auto& row : ranked) out.push_back(row.duplicate);
  return out;
}

}  // namespace sigap::domain::complaints
