#include "storage/sql/sql_storage.hpp"

namespace sigap::storage::sql {

namespace {

class SqlTransaction final : public app::ports::Transaction {
 public:
  explicit SqlTransaction(SqlConnection& connection)
      : master_data_(connection), identity_(connection), audit_(connection) {}
  // app::ports::Transaction
  app::ports::MasterDataWriter& master_data() override { return master_data_; }
  app::ports::IdentityWriter& identity() override { return identity_; }
  app::ports::AuditWriter& audit() override { return audit_; }

 private:
  SqlMasterDataWriter master_data_;
  SqlIdentityWriter identity_;
  SqlAuditWriter audit_;
};

}  // namespace

SqlStorage::SqlStorage(std::unique_ptr<SqlBackend> backend)
    : backend_(std::move(backend)),
      regions_(*backend_),
      units_(*backend_),
      categories_(*backend_),
      users_(*backend_),
      credentials_(*backend_),
      audit_(*backend_) {}

SqlStorage::~SqlStorage() = default;

Result<void> SqlStorage::write(const Work& work) {
  return backend_->transact([&](SqlConnection& connection) {
    SqlTransaction transaction(connection);
    return work(transaction);
  });
}

}  // namespace sigap::storage::sql
