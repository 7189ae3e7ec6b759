#pragma once

#include "app/ports/dashboard_repository.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

/// The dashboard figures of migration 0016: dashboard_units, dashboard_days (keyed by day
/// first), dashboard_cases (one contribution per case) and dashboard_state.
class SqlDashboardRepository final : public app::ports::DashboardRepository {
 public:
  explicit SqlDashboardRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::DashboardRepository
  Result<app::ports::DashboardSnapshot> snapshot(const std::vector<app::ports::DashboardZone>& zones) override;
  Result<app::ports::DashboardVersion> version() override;
  Result<app::ports::DashboardLive> live() override;
  Result<domain::dashboard::FigureCounts> all_counts() override;
  Result<bool> built() override;

 private:
  SqlBackend& backend_;
};

class SqlDashboardWriter final : public app::ports::DashboardWriter {
 public:
  /// `postgres`: lock rows and tables the PostgreSQL way (SQLite has a single writer).
  SqlDashboardWriter(SqlConnection& connection, bool postgres) : connection_(connection), postgres_(postgres) {}
  // app::ports::DashboardWriter
  Result<bool> built() override;
  Result<Locked> lock_cases(const std::vector<std::int64_t>& ids) override;
  Result<void> store_contributions(
      const std::vector<std::pair<std::int64_t, domain::dashboard::CaseContribution>>& contributions) override;
  Result<void> add_counts(const domain::dashboard::FigureCounts& delta) override;
  Result<void> clear() override;
  Result<std::vector<domain::dashboard::CaseFacts>> facts_after(std::int64_t after_id, int limit) override;
  Result<void> insert_contributions(
      const std::vector<std::pair<std::int64_t, domain::dashboard::CaseContribution>>& contributions) override;
  Result<void> mark_built(TimePoint at, std::int64_t cases) override;

 private:
  SqlConnection& connection_;
  bool postgres_;
};

}  // namespace sigap::storage::sql
