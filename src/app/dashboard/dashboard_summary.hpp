#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/command_center/unit_tree.hpp"
#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"
#include "domain/dashboard/unit_figures.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::app::dashboard {

struct SummaryRequest {
  std::string scope;       // a unit code; '' = the caller's widest scope (the city for leaders)
  bool all_depths = false; // every unit of the subtree instead of the direct children
};

/// One unit on the dashboard: its figures with its subtree rolled up, and the Command Center's
/// state of the unit (presence, cameras, alerts; staffed_now, cameras and alerts rolled up
/// over the subtree too, serving_now and hours_staffed_week of its own office).
struct UnitSummary {
  const domain::master_data::Unit* unit = nullptr;  // in DashboardSummary::tree
  domain::dashboard::Figures figures;
  std::int64_t staffed_now = 0;
  bool serving_now = false;
  double hours_staffed_week = 0;
  std::int64_t cameras_up = 0;
  std::int64_t cameras_down = 0;
  std::int64_t open_alerts = 0;
};

struct DashboardSummary {
  std::shared_ptr<const command_center::UnitTree> tree;  // the units read, kept alive for `units`
  domain::master_data::Unit scope;
  TimePoint as_of{};
  std::int64_t last_event_id = 0;  // the dispatch number of the last event the figures include
  domain::dashboard::Figures figures;
  std::vector<UnitSummary> units;  // ordered by unit code
};

/// "city", "kecamatan", "kelurahan", "agency", "service_hall", "service_counter".
std::string_view level_of(domain::master_data::UnitType type);

/// GET /api/v1/dashboard/summary (read_dashboard): the figures of a scope and of the units under
/// it, read from the counters the dispatcher keeps (docs/command-center.md, "Dashboard
/// figures"): a fixed number of reads whatever the number of cases. The counters read last are
/// kept with their version (ports::DashboardVersion) and reused while the live read (the
/// version with the cameras and open alerts per unit, ports::DashboardLive) finds it unchanged
/// and the day the same, which spares the day buckets' sums when nothing was committed since.
/// Thread-safe.
class DashboardSummaryQuery {
 public:
  /// The units and office geofences come from `units` (kept between requests; invalidated by
  /// unit and geofence edits).
  DashboardSummaryQuery(ports::Storage& storage, const Clock& clock, sla::SlaRules& rules,
                        command_center::UnitDirectory& units)
      : storage_(storage), clock_(clock), rules_(rules), units_(units) {}

  /// Errors: not_found for an unknown scope; forbidden when it is outside the actor's
  /// read_dashboard scope (or the actor has none); unavailable while the figures are being
  /// built for the first time.
  Result<DashboardSummary> summary(const domain::access::Actor& actor, const SummaryRequest& request);

 private:
  /// The stored counters for `zones`: the kept ones when still at `version`, else read anew.
  Result<ports::DashboardSnapshot> snapshot(const std::vector<ports::DashboardZone>& zones,
                                            const ports::DashboardVersion& version);

  struct Kept {
    ports::DashboardVersion version;
    std::vector<ports::DashboardZone> zones;
    ports::DashboardSnapshot snapshot;
  };

  ports::Storage& storage_;
  const Clock& clock_;
  sla::SlaRules& rules_;
  command_center::UnitDirectory& units_;
  std::mutex mutex_;
  std::shared_ptr<const Kept> kept_;  // GUARDED_BY(mutex_)
};

}  // namespace sigap::app::dashboard
