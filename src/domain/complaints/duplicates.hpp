#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::domain::complaints {

/// What duplicate detection needs to know about a complaint: the new one on intake, or an
/// existing one it may repeat.
struct Candidate {
  std::int64_t id = 0;
  std::string category_code;
  std::optional<master_data::GeoPoint> location;
  std::string kelurahan_code;
  TimePoint submitted_at;
  std::string text;  // title and description
  bool open = true;  // not closed, not rejected
  /// word_fingerprints(text), when the caller keeps them already (the in-memory index of open
  /// cases folds each case once); left empty, `text` is folded here.
  std::vector<std::uint64_t> fingerprints;
};

/// An existing case that the new one probably repeats.
struct ScoredDuplicate {
  std::int64_t id = 0;
  double score = 0;                  // text similarity, kMinTextSimilarity..1
  std::optional<double> distance_m;  // when both have a location; nullopt when matched by kelurahan

  bool operator==(const ScoredDuplicate&) const = default;
};

/// How near two reports must be (distance_m of contact.hpp: great-circle metres; inclusive).
inline constexpr double kDuplicateRadiusM = 150.0;
/// How recent the existing report must be (inclusive).
inline constexpr std::chrono::days kDuplicateWindow{30};
/// The least text similarity that counts. Two reports of one pothole in different words share a
/// fifth of their content words or more; unrelated reports from one street share "jalan" and
/// the street name and stay well below.
inline constexpr double kMinTextSimilarity = 0.2;

/// The open cases the incoming report probably repeats, best first. A case qualifies when
///  - it is open, is not `incoming` itself (same non-zero id), and has the same category;
///  - both have a location within kDuplicateRadiusM of each other, or, when either has no
///    location, both name the same (non-empty) kelurahan;
///  - it was submitted at most kDuplicateWindow before `now` (a timestamp after `now`, from a
///    skewed clock, counts as recent);
///  - text_similarity of the two texts is at least kMinTextSimilarity.
/// Order: higher score first, then nearer, then newer, then lower id.
std::vector<ScoredDuplicate> possible_duplicates(const Candidate& incoming, const std::vector<Candidate>& open_cases,
                                                 TimePoint now);
/// The same, over cases kept elsewhere (the in-memory index of open cases lends them).
std::vector<ScoredDuplicate> possible_duplicates(const Candidate& incoming,
                                                 const std::vector<const Candidate*>& open_cases, TimePoint now);

/// Token-set Jaccard similarity of two texts, 0..1: |common words| / |all words|, over the
/// folded content words of each (fold_words). 0 when either has no content words.
double text_similarity(std::string_view a, std::string_view b);

/// The content words of a text as duplicate detection sees them: ASCII letters and digits,
/// lower case; everything else (punctuation, emoji, other UTF-8) separates words; a trailing
/// "-nya" is dropped when three letters or more remain ("jalannya" -> "jalan"); one-character
/// words and Indonesian stop words ("yang", "di", "dan", "sudah", "tidak", "saya", SMS spellings
/// such as "yg", "tdk", and complaint courtesies such as "mohon", "tolong", "pak") are left out.
/// Sorted, without repeats.
std::vector<std::string> fold_words(std::string_view text);

/// fold_words(text), each word as its 64-bit FNV-1a hash; sorted, without repeats. This is what
/// similarity compares: eight bytes a word, whatever its length, for the cases kept in memory.
/// Two different words share a fingerprint about once in 10^19 pairs.
std::vector<std::uint64_t> word_fingerprints(std::string_view text);

}  // namespace sigap::domain::complaints
