#include "storage/sql/sql_storage.hpp"

namespace sigap::storage::sql {

namespace {

class SqlTransaction final : public app::ports::Transaction {
 public:
  explicit SqlTransaction(SqlConnection& connection) : master_data_(connection) {}
  // app::ports::Transaction
  app::ports::MasterDataWriter& master_data() override { return master_data_; }

 private:
  SqlMasterDataWriter master_data_;
};

}  // namespace

SqlStorage::SqlStorage(std::unique_ptr<SqlBackend> backend)
    : backend_(std::move(backend)), regions_(*backend_), units_(*backend_), categories_(*backend_) {}

SqlStorage::~SqlStorage() = default;

Result<void> SqlStorage::write(const Work& work) {
  return backend_->transact([&](SqlConnection& connection) {
    SqlTransaction transaction(connection);
    return work(transaction);
  });
}

}  // namespace sigap::storage::sql
