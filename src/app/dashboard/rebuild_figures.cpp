#include "app/dashboard/rebuild_figures.hpp"

namespace sigap::app::dashboard {

namespace dd = domain::dashboard;

namespace {

constexpr int kPage = 2000;

}  // namespace

Result<RebuildReport> rebuild_figures(ports::Storage& storage, const Clock& clock, const RebuildProgress& progress) {
  const auto started = std::chrono::steady_clock::now();
  auto total = storage.complaints().count();
  if (!total) return total.error();
  RebuildReport report;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    report.cases = 0;
    // The dispatch lock: no batch of the dispatcher runs until this commits.
    if (auto locked = tx.outbox().lock_pending(0); !locked) return locked.error();
    if (auto cleared = tx.dashboard().clear(); !cleared) return cleared;
    dd::FigureCounts counts;
    std::vector<std::pair<std::int64_t, dd::CaseContribution>> page;
    std::int64_t after = 0;
    for (;;) {
      auto facts = tx.dashboard().facts_after(after, kPage);
      if (!facts) return facts.error();
      if (facts->empty()) break;
      page.clear();
      for (const auto& fact : *facts) {
        auto contribution = dd::contribution_of(fact);
        counts.add(contribution, +1);
        page.emplace_back(fact.complaint_id, std::move(contribution));
      }
      if (auto inserted = tx.dashboard().insert_contributions(page); !inserted) return inserted;
      after = facts->back().complaint_id;
      report.cases += static_cast<std::int64_t>(facts->size());
      if (progress) progress(report.cases, std::max(*total, report.cases));
      if (facts->size() < static_cast<std::size_t>(kPage)) break;
    }
    counts.prune();
    if (auto added = tx.dashboard().add_counts(counts); !added) return added;
    return tx.dashboard().mark_built(clock.now(), report.cases);
  });
  if (!written) return written.error();
  report.took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  return report;
}

Result<std::optional<RebuildReport>> rebuild_if_needed(ports::Storage& storage, const Clock& clock,
                                                       const RebuildProgress& progress) {
  auto built = storage.dashboard().built();
  if (!built) return built.error();
  if (*built) return std::optional<RebuildReport>();
  auto report = rebuild_figures(storage, clock, progress);
  if (!report) return report.error();
  return std::optional<RebuildReport>(*report);
}

}  // namespace sigap::app::dashboard
