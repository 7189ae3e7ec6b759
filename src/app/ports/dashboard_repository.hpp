#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/dashboard/case_contribution.hpp"
#include "domain/dashboard/figure_counts.hpp"
#include "domain/dashboard/unit_figures.hpp"

namespace sigap::app::ports {

/// The units whose day buckets are read with the same windows (units of one time zone; all
/// units when `units` is empty).
struct DashboardZone {
  domain::dashboard::DayWindows windows;
  std::vector<std::string> units;
  bool operator==(const DashboardZone&) const = default;
};

/// What the stored figures are at: every change of the counters advances `revision` (migration
/// 0022: the dispatcher's transaction, and the SLA watch's refreshes, which have no event), a
/// rebuild sets `built_at`, a clear resets `built`, and `last_seq` (the last event included) moves
/// with every dispatch. Equal versions, equal snapshots.
struct DashboardVersion {
  bool built = false;
  std::string built_at;
  std::int64_t revision = 0;
  std::int64_t last_seq = 0;
  bool operator==(const DashboardVersion&) const = default;
};

/// What the Command Center shows of a unit beside its figures, as stored now: its active
/// cameras up and down (by their last probe), and its open alerts.
struct UnitLiveState {
  std::int64_t cameras_up = 0;
  std::int64_t cameras_down = 0;
  std::int64_t open_alerts = 0;
  bool operator==(const UnitLiveState&) const = default;
};

/// The version of the figures and the live state of every unit that has any, read in one
/// statement: one round trip for what every dashboard request must read afresh.
struct DashboardLive {
  DashboardVersion version;
  std::map<std::string, UnitLiveState, std::less<>> units;  // units without cameras or alerts left out
};

/// The stored figures, read in one statement (one snapshot): the counters per unit with the
/// day buckets of their windows added, and the last dispatch number the figures include.
struct DashboardSnapshot {
  bool built = false;            // filled by a rebuild (or empty when the tables were created)
  std::int64_t last_seq = 0;     // outbox dispatch_seq of the last event fanned out
  std::map<std::string, domain::dashboard::FigureTotals, std::less<>> units;  // own cases only
};

/// Reads the dashboard figures (migration 0016). Thread-safe.
class DashboardRepository {
 public:
  virtual ~DashboardRepository() = default;
  /// Costs O(units x days in the windows), never O(cases).
  virtual Result<DashboardSnapshot> snapshot(const std::vector<DashboardZone>& zones) = 0;
  /// One row: whether a cached snapshot is still what is stored.
  virtual Result<DashboardVersion> version() = 0;
  /// The version with the cameras and open alerts per unit (O(cameras + open alerts)).
  virtual Result<DashboardLive> live() = 0;
  /// Every stored counter, zero entries left out (the equality tests; a rebuild's check).
  virtual Result<domain::dashboard::FigureCounts> all_counts() = 0;
  /// Whether the figures were built (a rebuild ran, or the tables were created over no cases).
  virtual Result<bool> built() = 0;
};

/// Keeps the figures inside a Transaction: the per-case contributions and the counters.
class DashboardWriter {
 public:
  virtual ~DashboardWriter() = default;
  /// Whether the figures were built (read inside the transaction).
  virtual Result<bool> built() = 0;
  /// The contributions stored for the cases `ids`, each locked until the transaction ends (a
  /// case without one gets an empty one first), so two transactions refreshing the same case
  /// take turns; then, after the lock, the cases as stored now (a case that does not exist is
  /// left out of `facts`).
  struct Locked {
    std::map<std::int64_t, domain::dashboard::CaseContribution> stored;
    std::vector<domain::dashboard::CaseFacts> facts;
  };
  virtual Result<Locked> lock_cases(const std::vector<std::int64_t>& ids) = 0;
  /// Replaces the stored contributions of these cases.
  virtual Result<void> store_contributions(
      const std::vector<std::pair<std::int64_t, domain::dashboard::CaseContribution>>& contributions) = 0;
  /// Adds `delta` to the counters (upserts; a counter may go to 0 and stay stored).
  virtual Result<void> add_counts(const domain::dashboard::FigureCounts& delta) = 0;

  // The rebuild (app/dashboard/rebuild_figures), all in one transaction:
  /// Empties the figures (and on PostgreSQL locks them against concurrent refreshes).
  virtual Result<void> clear() = 0;
  /// The next `limit` cases by id after `after_id`.
  virtual Result<std::vector<domain::dashboard::CaseFacts>> facts_after(std::int64_t after_id, int limit) = 0;
  /// Inserts contributions of cases that have none (after clear()).
  virtual Result<void> insert_contributions(
      const std::vector<std::pair<std::int64_t, domain::dashboard::CaseContribution>>& contributions) = 0;
  /// Records that the figures are built, at `at`, from `cases` cases.
  virtual Result<void> mark_built(TimePoint at, std::int64_t cases) = 0;
};

}  // namespace sigap::app::ports
