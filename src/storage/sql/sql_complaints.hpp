#pragma once

#include "app/ports/complaint_repository.hpp"
#include "app/ports/storage.hpp"
#include "storage/sql/personal_data.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

class SqlComplaintRepository final : public app::ports::ComplaintRepository {
 public:
  SqlComplaintRepository(SqlBackend& backend, const PersonalDataSealer& sealer) : backend_(backend), sealer_(sealer) {}
  // app::ports::ComplaintRepository
  Result<std::optional<domain::complaints::Complaint>> find_by_code(std::string_view public_code) override;
  Result<std::optional<domain::complaints::Complaint>> find_by_id(std::int64_t id) override;
  Result<std::optional<domain::complaints::Complaint>> find_public_by_code(std::string_view public_code) override;
  Result<std::vector<domain::complaints::ComplaintEvent>> events(std::int64_t complaint_id, bool public_only) override;
  Result<std::optional<app::ports::IdempotentAnswer>> idempotent_answer(std::string_view key) override;
  Result<std::vector<domain::complaints::RoutingRule>> routing_rules() override;
  Result<std::vector<domain::complaints::Complaint>> list_by_reporter(std::int64_t user_id, int limit) override;
  Result<std::vector<app::ports::CasePhoto>> photos(std::int64_t complaint_id) override;
  Result<std::vector<app::ports::DuplicateCandidate>> open_public_cases_since(
      TimePoint since, int limit, bool with_text, const std::optional<app::ports::OpenCaseCursor>& after) override;
  Result<std::vector<domain::complaints::Complaint>> merged_into(std::int64_t master_id) override;
  Result<std::vector<domain::complaints::Complaint>> list_cases(const app::ports::CaseListQuery& query) override;
  Result<std::vector<app::ports::StatusCount>> count_by_status(const app::ports::CaseListQuery& query) override;
  Result<std::vector<app::ports::CaseOutcome>> outcomes(const app::ports::OutcomeQuery& query) override;
  Result<std::int64_t> count() override;

 private:
  Result<std::optional<domain::complaints::Complaint>> first(Result<SqlRows> rows);
  /// Every row as a complaint (personal data opened); the first that does not open is the error.
  Result<std::vector<domain::complaints::Complaint>> all_of(Result<SqlRows> rows);
  /// PostgreSQL's newest-first page of a search (see case_walk_sql).
  Result<std::vector<domain::complaints::Complaint>> newest_matches(const app::ports::CaseListQuery& query,
                                                                   const std::string& columns);
  SqlBackend& backend_;
  const PersonalDataSealer& sealer_;
};

class SqlComplaintWriter final : public app::ports::ComplaintWriter {
 public:
  /// `committed`, when given, collects what this transaction changed of cases for
  /// Storage::watch_cases (only calls that succeeded).
  SqlComplaintWriter(SqlConnection& connection, const PersonalDataSealer& sealer,
                     app::ports::CommittedCases* committed = nullptr)
      : connection_(connection), sealer_(sealer), committed_(committed) {}
  // app::ports::ComplaintWriter
  Result<std::int64_t> insert(const domain::complaints::Complaint& complaint) override;
  Result<std::int64_t> append_event(const domain::complaints::ComplaintEvent& event,
                                    const std::string& outbox_payload) override;
  Result<void> remember_answer(std::string_view key, const app::ports::IdempotentAnswer& answer, TimePoint at) override;
  Result<void> save_routing_rule(const domain::complaints::RoutingRule& rule) override;
  Result<bool> delete_routing_rule(const std::string& category_code, const std::string& region_code) override;
  Result<void> add_photo(std::int64_t complaint_id, int position, const app::ports::CasePhoto& photo) override;
  Result<bool> add_support(std::int64_t complaint_id, std::string_view supporter, TimePoint at) override;
  Result<void> update_state(const domain::complaints::Complaint& complaint, std::int64_t expected_version) override;

 private:
  /// Adds the case as stored to `committed_`, without its personal data.
  void record_stored(const domain::complaints::Complaint& complaint, std::int64_t id, std::int64_t version);

  SqlConnection& connection_;
  const PersonalDataSealer& sealer_;
  app::ports::CommittedCases* committed_;
};

}  // namespace sigap::storage::sql
