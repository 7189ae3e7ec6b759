#pragma once

#include "app/ports/audit_log.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

class SqlAuditRepository final : public app::ports::AuditRepository {
 public:
  explicit SqlAuditRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::AuditRepository
  Result<std::vector<domain::audit::AuditEntry>> list(const app::ports::AuditFilter& filter) override;
  Result<std::vector<domain::audit::AuditEntry>> chain(std::int64_t after_seq, int limit) override;
  Result<app::ports::AuditHead> head() override;

 private:
  SqlBackend& backend_;
};

class SqlAuditWriter final : public app::ports::AuditWriter {
 public:
  explicit SqlAuditWriter(SqlConnection& connection) : connection_(connection) {}
  // app::ports::AuditWriter
  Result<app::ports::AuditHead> advance_head() override;
  Result<void> insert(const domain::audit::AuditEntry& entry) override;
  Result<void> set_head_hash(const std::string& hash) override;

 private:
  SqlConnection& connection_;
};

}  // namespace sigap::storage::sql
