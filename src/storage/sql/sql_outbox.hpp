#pragma once

#include "app/ports/outbox_repository.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

class SqlOutboxRepository final : public app::ports::OutboxRepository {
 public:
  explicit SqlOutboxRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::OutboxRepository
  Result<std::vector<app::ports::OutboxEntry>> dispatched_after(std::int64_t after_seq, int limit) override;
  Result<bool> has_pending() override;
  Result<std::int64_t> last_dispatched_seq() override;

 private:
  SqlBackend& backend_;
};

class SqlOutboxWriter final : public app::ports::OutboxWriter {
 public:
  explicit SqlOutboxWriter(SqlConnection& connection) : connection_(connection) {}
  // app::ports::OutboxWriter
  Result<std::vector<app::ports::OutboxEntry>> lock_pending(int limit) override;
  Result<std::int64_t> mark_dispatched(const std::vector<std::int64_t>& outbox_ids, TimePoint at) override;

 private:
  SqlConnection& connection_;
};

}  // namespace sigap::storage::sql
