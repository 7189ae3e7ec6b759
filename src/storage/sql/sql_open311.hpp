#pragma once

#include "app/ports/open311_repository.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

class SqlOpen311Repository final : public app::ports::Open311Repository {
 public:
  explicit SqlOpen311Repository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::Open311Repository
  Result<std::vector<domain::master_data::CategoryAttribute>> category_attributes() override;
  Result<std::optional<app::ports::Open311Submission>> find_submission(std::string_view token) override;
  Result<std::map<std::int64_t, app::ports::ServiceRequestExtras>> request_extras(
      const std::vector<std::int64_t>& complaint_ids) override;

 private:
  SqlBackend& backend_;
};

class SqlOpen311Writer final : public app::ports::Open311Writer {
 public:
  explicit SqlOpen311Writer(SqlConnection& connection) : connection_(connection) {}
  // app::ports::Open311Writer
  Result<void> save_category_attribute(const domain::master_data::CategoryAttribute& attribute) override;
  Result<void> insert_submission(const app::ports::Open311Submission& submission) override;
  Result<bool> link_submission(std::string_view token, std::int64_t complaint_id) override;
  Result<void> delete_unlinked_submission(std::string_view token) override;

 private:
  SqlConnection& connection_;
};

}  // namespace sigap::storage::sql
