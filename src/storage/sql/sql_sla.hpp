#pragma once

#include "app/ports/sla_repository.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

class SqlSlaRepository final : public app::ports::SlaRepository {
 public:
  explicit SqlSlaRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::SlaRepository
  Result<std::vector<domain::sla::SlaPolicyRule>> policies() override;
  Result<std::vector<domain::sla::CalendarAmendment>> calendar_amendments() override;
  Result<std::vector<int>> completed_years() override;
  Result<std::vector<std::int64_t>> cases_to_check(TimePoint now, int limit) override;
  Result<std::vector<std::int64_t>> open_cases(std::int64_t after_id, int limit) override;
  Result<std::optional<TimePoint>> check_at(std::int64_t complaint_id) override;
  Result<std::vector<app::ports::Alert>> alerts(bool open_only, int limit) override;

 private:
  SqlBackend& backend_;
};

class SqlSlaWriter final : public app::ports::SlaWriter {
 public:
  explicit SqlSlaWriter(SqlConnection& connection) : connection_(connection) {}
  // app::ports::SlaWriter
  Result<void> save_policy(const domain::sla::SlaPolicyRule& rule, TimePoint at) override;
  Result<void> save_calendar_amendment(const domain::sla::CalendarAmendment& amendment) override;
  Result<void> complete_year(int year) override;
  Result<bool> raise_alert(const app::ports::Alert& alert) override;
  Result<void> set_check_at(std::int64_t complaint_id, std::optional<TimePoint> at, std::int64_t version) override;

 private:
  SqlConnection& connection_;
};

}  // namespace sigap::storage::sql
