#include "app/dashboard/refresh_figures.hpp"

namespace sigap::app::dashboard {

namespace dd = domain::dashboard;

Result<std::size_t> refresh_cases(ports::Transaction& tx, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return std::size_t{0};
  auto built = tx.dashboard().built();
  if (!built) return built.error();
  if (!*built) return std::size_t{0};
  auto locked = tx.dashboard().lock_cases(ids);
  if (!locked) return locked.error();
  dd::FigureCounts delta;
  std::vector<std::pair<std::int64_t, dd::CaseContribution>> changed;
  for (const auto& facts : locked->facts) {
    auto now = dd::contribution_of(facts);
    auto stored = locked->stored.find(facts.complaint_id);
    const dd::CaseContribution before = stored == locked->stored.end() ? dd::CaseContribution{} : stored->second;
    if (before == now) continue;
    delta.add(before, -1);
    delta.add(now, +1);
    changed.emplace_back(facts.complaint_id, std::move(now));
  }
  if (changed.empty()) return std::size_t{0};
  delta.prune();
  if (auto stored = tx.dashboard().store_contributions(changed); !stored) return stored.error();
  if (auto added = tx.dashboard().add_counts(delta); !added) return added.error();
  return changed.size();
}

}  // namespace sigap::app::dashboard
