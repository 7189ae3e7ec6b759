#include "app/complaints/find_duplicates.hpp"

#include <unordered_map>

#include "domain/complaints/duplicates.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;

Result<std::vector<DuplicateMatch>> find_possible_duplicates(OpenCaseIndex& open_cases, TimePoint now,
                                                             const DuplicateProbe& probe) {
  std::vector<DuplicateMatch> matches;
  if (probe.category_code.empty() || (probe.kelurahan_code.empty() && !probe.location)) return matches;
  dc::Candidate incoming;
  incoming.category_code = probe.category_code;
  incoming.kelurahan_code = probe.kelurahan_code;
  incoming.location = probe.location;
  incoming.submitted_at = now;
  incoming.fingerprints = OpenCaseIndex::fingerprints(probe.text);
  if (incoming.fingerprints.empty()) return matches;  // no content word: nothing can be similar
  // The 20 newest nearby cases are plenty to offer the best five; a flooded street has
  // thousands, and the newest say it best.
  constexpr std::size_t kCandidates = 20;
  auto looked = open_cases.lend_nearby(
      probe.category_code, probe.kelurahan_code, probe.location, now, kCandidates,
      [&](const std::vector<const ports::DuplicateCandidate*>& nearby) {
        std::vector<const dc::Candidate*> scored_against;
        std::unordered_map<std::int64_t, const ports::DuplicateCandidate*> by_id;
        scored_against.reserve(nearby.size());
        for (const auto* candidate : nearby) {
          scored_against.push_back(&candidate->candidate);
          by_id.emplace(candidate->candidate.id, candidate);
        }
        for (const auto& scored : dc::possible_duplicates(incoming, scored_against, now)) {
          if (matches.size() == kMaxDuplicatesShown) break;
          const auto& candidate = *by_id.at(scored.id);
          matches.push_back(DuplicateMatch{candidate.public_code, candidate.title, candidate.status,
                                           candidate.support_count, scored.score, scored.distance_m});
        }
      });
  if (!looked) return looked.error();
  return matches;
}

}  // namespace sigap::app::complaints
