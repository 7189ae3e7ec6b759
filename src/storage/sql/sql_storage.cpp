#include "storage/sql/sql_storage.hpp"

#include "storage/sql/reseal.hpp"
#include "storage/sql/search_catch_up.hpp"

namespace sigap::storage::sql {

namespace {

class SqlTransaction final : public app::ports::Transaction {
 public:
  SqlTransaction(SqlConnection& connection, const PersonalDataSealer& sealer)
      : master_data_(connection), identity_(connection, sealer), audit_(connection), complaints_(connection, sealer), sla_(connection) {}
  // app::ports::Transaction
  app::ports::MasterDataWriter& master_data() override { return master_data_; }
  app::ports::IdentityWriter& identity() override { return identity_; }
  app::ports::AuditWriter& audit() override { return audit_; }
  app::ports::ComplaintWriter& complaints() override { return complaints_; }
  app::ports::SlaWriter& sla() override { return sla_; }

 private:
  SqlMasterDataWriter master_data_;
  SqlIdentityWriter identity_;
  SqlAuditWriter audit_;
  SqlComplaintWriter complaints_;
  SqlSlaWriter sla_;
};

}  // namespace

SqlStorage::SqlStorage(std::unique_ptr<SqlBackend> backend, std::shared_ptr<const PersonalDataSealer> sealer)
    : backend_(std::move(backend)),
      sealer_(std::move(sealer)),
      regions_(*backend_),
      units_(*backend_),
      categories_(*backend_),
      users_(*backend_, *sealer_),
      credentials_(*backend_),
      audit_(*backend_),
      complaints_(*backend_, *sealer_),
      sla_(*backend_) {}

SqlStorage::~SqlStorage() = default;

Result<void> SqlStorage::write(const Work& work) {
  return backend_->transact([&](SqlConnection& connection) {
    SqlTransaction transaction(connection, *sealer_);
    return work(transaction);
  });
}

Result<std::size_t> SqlStorage::catch_up_search_index() { return catch_up_search(*backend_); }

Result<void> SqlStorage::optimize_search_index() {
  if (auto caught_up = catch_up_search_index(); !caught_up) return caught_up.error();
  std::string_view script = backend_->name() == "postgres"
                                ? "ANALYZE complaints;"
                                : "INSERT INTO complaints_search (complaints_search) VALUES ('optimize');";
  return backend_->transact([&](SqlConnection& connection) { return connection.execute_script(script); });
}

Result<std::size_t> SqlStorage::reseal_personal_data() {
  std::size_t changed = 0;
  auto done = backend_->transact([&](SqlConnection& connection) -> Result<void> {
    auto resealed = reseal_all(connection, *sealer_);
    if (!resealed) return resealed.error();
    changed = *resealed;
    return {};
  });
  if (!done) return done.error();
  return changed;
}

}  // namespace sigap::storage::sql
