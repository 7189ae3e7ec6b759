#pragma once

#include "app/ports/alert_repository.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

/// Alerts (migration 0004, opened and closed since 0015). The scope of a list is the units
/// under its roots, found by a recursive query over units.parent_code, as in the case lists.
class SqlAlertRepository final : public app::ports::AlertRepository {
 public:
  explicit SqlAlertRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::AlertRepository
  Result<std::vector<app::ports::Alert>> list(const app::ports::AlertQuery& query) override;
  Result<std::optional<app::ports::Alert>> find(std::int64_t id) override;
  Result<std::vector<app::ports::Alert>> open_of_kind(std::string_view kind) override;
  Result<std::vector<app::ports::OpenAlertCount>> open_counts() override;
  Result<std::vector<app::ports::Alert>> open_or_after(std::int64_t after_id) override;

 private:
  SqlBackend& backend_;
};

class SqlAlertWriter final : public app::ports::AlertWriter {
 public:
  explicit SqlAlertWriter(SqlConnection& connection) : connection_(connection) {}
  // app::ports::AlertWriter
  Result<std::optional<std::int64_t>> raise(const app::ports::Alert& alert) override;
  Result<std::optional<std::int64_t>> raise_once(const app::ports::Alert& alert) override;
  Result<bool> close(std::string_view kind, std::string_view subject, TimePoint at) override;
  Result<bool> acknowledge(std::int64_t id, const std::string& by, TimePoint at, bool close) override;

 private:
  SqlConnection& connection_;
};

/// The columns every alert read selects, in the order alert_from() expects.
inline constexpr std::string_view kAlertColumns =
    "id, kind, severity, unit_code, subject, message, created_at, acknowledged_by, acknowledged_at, closed_at";
app::ports::Alert alert_from(const std::vector<std::optional<std::string>>& row);

}  // namespace sigap::storage::sql
