#include "storage/sql/sql_storage.hpp"

#include "storage/sql/reseal.hpp"
#include "storage/sql/search_catch_up.hpp"

namespace sigap::storage::sql {

namespace {

class SqlTransaction final : public app::ports::Transaction {
 public:
  SqlTransaction(SqlConnection& connection, const PersonalDataSealer& sealer, bool postgres,
                 app::ports::CommittedCases* committed)
      : master_data_(connection), identity_(connection, sealer), audit_(connection),
        complaints_(connection, sealer, committed), sla_(connection), open311_(connection),
        outbox_(connection), webhooks_(connection, sealer), notifications_(connection), alerts_(connection),
        presence_(connection), cameras_(connection, sealer), conversations_(connection, sealer),
        dashboard_(connection, postgres) {}
  // app::ports::Transaction
  app::ports::MasterDataWriter& master_data() override { return master_data_; }
  app::ports::IdentityWriter& identity() override { return identity_; }
  app::ports::AuditWriter& audit() override { return audit_; }
  app::ports::ComplaintWriter& complaints() override { return complaints_; }
  app::ports::SlaWriter& sla() override { return sla_; }
  app::ports::Open311Writer& open311() override { return open311_; }
  app::ports::OutboxWriter& outbox() override { return outbox_; }
  app::ports::WebhookWriter& webhooks() override { return webhooks_; }
  app::ports::NotificationWriter& notifications() override { return notifications_; }
  app::ports::AlertWriter& alerts() override { return alerts_; }
  app::ports::PresenceWriter& presence() override { return presence_; }
  app::ports::CameraWriter& cameras() override { return cameras_; }
  app::ports::ConversationWriter& conversations() override { return conversations_; }
  app::ports::DashboardWriter& dashboard() override { return dashboard_; }

 private:
  SqlMasterDataWriter master_data_;
  SqlIdentityWriter identity_;
  SqlAuditWriter audit_;
  SqlComplaintWriter complaints_;
  SqlSlaWriter sla_;
  SqlOpen311Writer open311_;
  SqlOutboxWriter outbox_;
  SqlWebhookWriter webhooks_;
  SqlNotificationWriter notifications_;
  SqlAlertWriter alerts_;
  SqlPresenceWriter presence_;
  SqlCameraWriter cameras_;
  SqlConversationWriter conversations_;
  SqlDashboardWriter dashboard_;
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
      sla_(*backend_),
      outbox_(*backend_),
      webhooks_(*backend_),
      notifications_(*backend_),
      open311_(*backend_),
      alerts_(*backend_),
      presence_(*backend_),
      cameras_(*backend_, *sealer_),
      report_rates_(*backend_),
      dashboard_(*backend_),
      conversations_(*backend_, *sealer_) {}

SqlStorage::~SqlStorage() = default;

bool SqlStorage::has_case_watchers() {
  std::lock_guard lock(case_watchers_mutex_);
  return !case_watchers_.empty();
}

void SqlStorage::tell_case_watchers(const app::ports::CommittedCases& committed) {
  if (committed.empty()) return;
  std::lock_guard lock(case_watchers_mutex_);
  for (const auto& [number, watcher] : case_watchers_) watcher(committed);
}

Result<void> SqlStorage::write(const Work& work) {
  app::ports::CommittedCases committed;
  auto* collect = has_case_watchers() ? &committed : nullptr;
  auto written = backend_->transact([&](SqlConnection& connection) {
    committed = {};  // a transaction tried again starts afresh
    SqlTransaction transaction(connection, *sealer_, backend_->name() == "postgres", collect);
    return work(transaction);
  });
  if (written) tell_case_watchers(committed);
  return written;
}

void SqlStorage::write_queued(Work work, WriteDone done) {
  auto committed = std::make_shared<app::ports::CommittedCases>();
  auto* collect = has_case_watchers() ? committed.get() : nullptr;
  backend_->transact_queued(
      [this, work = std::move(work), committed, collect](SqlConnection& connection) {
        *committed = {};
        SqlTransaction transaction(connection, *sealer_, backend_->name() == "postgres", collect);
        return work(transaction);
      },
      [this, committed, done = std::move(done)](Result<void> written) {
        if (written) tell_case_watchers(*committed);
        done(std::move(written));
      });
}

std::size_t SqlStorage::watch_cases(CaseWatcher watcher) {
  std::lock_guard lock(case_watchers_mutex_);
  case_watchers_.emplace_back(++last_watcher_, std::move(watcher));
  return last_watcher_;
}

void SqlStorage::unwatch_cases(std::size_t number) {
  std::lock_guard lock(case_watchers_mutex_);
  std::erase_if(case_watchers_, [&](const auto& watcher) { return watcher.first == number; });
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
