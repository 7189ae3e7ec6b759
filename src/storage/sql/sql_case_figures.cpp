// SqlComplaintRepository: the counts per status of a case list and the rows the public figures
// are made of (the list itself is in sql_complaints.cpp; its SQL in case_list_sql.cpp).
#include "common/time_format.hpp"
#include "storage/sql/case_list_sql.hpp"
#include "storage/sql/search_catch_up.hpp"
#include "storage/sql/sql_complaints.hpp"

namespace sigap::storage::sql {

namespace dc = domain::complaints;

Result<std::vector<app::ports::StatusCount>> SqlComplaintRepository::count_by_status(
    const app::ports::CaseListQuery& query) {
  if (!query.everywhere && query.unit_roots.empty()) return std::vector<app::ports::StatusCount>();
  if (!query.filter.words.empty()) {  // counts of a search include what the indexer has not reached
    if (auto caught_up = catch_up_search(backend_); !caught_up) return caught_up.error();
  }
  auto widest = widest_scope(backend_, query);
  if (!widest) return widest.error();
  auto statement = case_count_sql(*widest, backend_.name());
  auto rows = backend_.read(statement.text, statement.params);
  if (!rows) return rows.error();
  std::vector<app::ports::StatusCount> counts;
  for (const auto& row : rows->rows) {
    auto status = dc::status_from_string(text_at(row, 0), "status");
    if (!status) return Error::internal("complaints: unknown status " + text_at(row, 0));
    counts.push_back({*status, int_at(row, 1)});
  }
  return counts;
}

Result<std::vector<app::ports::CaseOutcome>> SqlComplaintRepository::outcomes(const app::ports::OutcomeQuery& query) {
  std::string sql =
      "SELECT unit_code, status, submitted_at, first_response_at, resolved_at, resolve_due_at, rating, "
      "CASE WHEN merged_into_id IS NULL THEN 0 ELSE 1 END FROM complaints";
  std::vector<SqlValue> params;
  auto where = [&](const std::string& condition, const TimePoint& time) {
    params.emplace_back(format_utc(time));
    sql += (params.size() == 1 ? " WHERE " : " AND ") + condition + " $" + std::to_string(params.size());
  };
  if (query.from) where("submitted_at >=", *query.from);
  if (query.before) where("submitted_at <", *query.before);
  auto rows = backend_.read(sql, params);
  if (!rows) return rows.error();
  std::vector<app::ports::CaseOutcome> outcomes;
  outcomes.reserve(rows->size());
  for (const auto& row : rows->rows) {
    app::ports::CaseOutcome outcome;
    outcome.unit_code = text_at(row, 0);
    auto status = dc::status_from_string(text_at(row, 1), "status");
    if (!status) return Error::internal("complaints: unknown status " + text_at(row, 1));
    outcome.status = *status;
    outcome.submitted_at = parse_utc(text_at(row, 2)).value_or(TimePoint{});
    outcome.first_response_at = parse_utc(text_at(row, 3));
    outcome.resolved_at = parse_utc(text_at(row, 4));
    outcome.resolve_due_at = parse_utc(text_at(row, 5));
    if (row.at(6)) outcome.rating = static_cast<int>(int_at(row, 6));
    outcome.merged = int_at(row, 7) != 0;
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace sigap::storage::sql
