#pragma once

#include "app/ports/report_rate_repository.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

/// Report counts over the complaints table for the surge watch (indexes: complaints_submitted
/// of 0015, complaints_category_region of 0003).
class SqlReportRateRepository final : public app::ports::ReportRateRepository {
 public:
  explicit SqlReportRateRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::ReportRateRepository
  Result<std::vector<app::ports::ReportCount>> counts_between(TimePoint from, TimePoint to) override;
  Result<std::int64_t> count_in_regions(const std::string& category_code, const std::vector<std::string>& region_codes,
                                        TimePoint from, TimePoint to) override;

 private:
  SqlBackend& backend_;
};

}  // namespace sigap::storage::sql
