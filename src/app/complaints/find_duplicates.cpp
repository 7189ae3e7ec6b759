#include "app/complaints/find_duplicates.hpp"

#include <unordered_map>

#include "domain/complaints/duplicates.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;

Result<std::vector<DuplicateMatch>> find_possible_duplicates(ports::ComplaintRepository& complaints, TimePoint now,
                                                             const DuplicateProbe& probe) {
  std::vector<DuplicateMatch> matches;
  if (probe.category_code.empty() || (probe.kelurahan_code.empty() && !probe.location)) return matches;
  ports::DuplicateQuery query;
  query.category_code = probe.category_code;
  query.kelurahan_code = probe.kelurahan_code;
  query.near = probe.location;
  query.radius_m = dc::kDuplicateRadiusM;
  query.since = now - dc::kDuplicateWindow;
  // The 20 newest nearby cases are plenty to offer the best five, and each more costs every
  // intake a row read and a text comparison (a flooded street has thousands).
  query.limit = 20;
  auto found = complaints.duplicate_candidates(query);
  if (!found) return found.error();

  dc::Candidate incoming;
  incoming.category_code = probe.category_code;
  incoming.kelurahan_code = probe.kelurahan_code;
  incoming.location = probe.location;
  incoming.submitted_at = now;
  incoming.text = probe.text;
  std::vector<dc::Candidate> open_cases;
  std::unordered_map<std::int64_t, const ports::DuplicateCandidate*> by_id;
  open_cases.reserve(found->size());
  for (const auto& candidate : *found) {
    open_cases.push_back(candidate.candidate);
    by_id.emplace(candidate.candidate.id, &candidate);
  }
  for (const auto& scored : dc::possible_duplicates(incoming, open_cases, now)) {
    if (matches.size() == kMaxDuplicatesShown) break;
    const auto& candidate = *by_id.at(scored.id);
    matches.push_back(DuplicateMatch{candidate.public_code, candidate.title, candidate.status,
                                     candidate.support_count, scored.score, scored.distance_m});
  }
  return matches;
}

}  // namespace sigap::app::complaints
