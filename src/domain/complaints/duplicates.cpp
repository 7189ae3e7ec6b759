#include "domain/complaints/duplicates.hpp"

#include <algorithm>
#include <array>
#include <iterator>
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

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::vector<std::string> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  auto all = a.size() + b.size() - common.size();
  return static_cast<double>(common.size()) / static_cast<double>(all);
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

double text_similarity(std::string_view a, std::string_view b) { return jaccard(fold_words(a), fold_words(b)); }

std::vector<ScoredDuplicate> possible_duplicates(const Candidate& incoming, const std::vector<Candidate>& open_cases,
                                                 TimePoint now) {
  const auto incoming_words = fold_words(incoming.text);
  std::vector<Ranked> ranked;
  for (const auto& other : open_cases) {
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

    double score = jaccard(incoming_words, fold_words(other.text));
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
