#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/ports/case_list.hpp"
#include "storage/sql/sql_backend.hpp"
#include "storage/sql/sql_connection.hpp"

namespace sigap::storage::sql {

/// One statement and its parameters ($1..$N).
struct SqlStatement {
  std::string text;
  std::vector<SqlValue> params;
};

/// The page of cases `query` asks for: `select` is the "SELECT <columns> FROM complaints "
/// part, and the filter, the scope, the order and the limit are added to it. `engine` ("sqlite"
/// or "postgres") picks the full-text search: FTS5 MATCH on SQLite, a tsquery on PostgreSQL.
/// The user's words are always bound as parameters and quoted for the search syntax, so nothing
/// they type is read as an operator. Precondition: `query.everywhere` or some unit roots.
SqlStatement case_page_sql(const app::ports::CaseListQuery& query, std::string_view engine, std::string_view select);

/// PostgreSQL, newest first with words: the page among the `walk` newest cases that pass the
/// other filters, found by walking them newest first and stopping at the limit. The planner
/// cannot see that the user's words go with the category (its estimate for "aspal mengelupas"
/// was 3,000 rows where 62,000 matched), so left alone it gathers every match through the GIN
/// index and sorts them (0.6 s at a million cases); the walk takes a few milliseconds when the
/// words are common among the filtered cases. SqlComplaintRepository::list_cases searches below
/// the walk, through the index, only when the walk did not fill the page.
SqlStatement case_walk_sql(const app::ports::CaseListQuery& query, std::string_view select, int walk);
/// The id of the `walk`-th newest case passing the filters other than the words (no row when
/// fewer pass): where case_walk_sql stopped looking.
SqlStatement case_walk_edge_sql(const app::ports::CaseListQuery& query, int walk);

/// `query` with `everywhere` set when its unit roots hold the only top unit of the tree (a role
/// on the city covers every unit): the list then need not walk the unit tree, and newest-first
/// pages stop after `limit` rows instead of gathering the newest of every unit.
Result<app::ports::CaseListQuery> widest_scope(SqlBackend& backend, const app::ports::CaseListQuery& query);

/// "SELECT status, COUNT(*) ... GROUP BY status" over the same cases, ignoring the filter's
/// statuses, cursor and limit.
SqlStatement case_count_sql(const app::ports::CaseListQuery& query, std::string_view engine);

/// An FTS5 query that matches rows holding every word: each word a quoted string ("" inside
/// doubled), joined by spaces (AND). Words come from domain::complaints::search_words.
std::string fts5_all_words(const std::vector<std::string>& words);

/// The same for PostgreSQL's websearch_to_tsquery: each word quoted, so "or" and "-" in the
/// user's text are words, not operators.
std::string websearch_all_words(const std::vector<std::string>& words);

/// The value of the column `due_order` (migration 0008) of a case with deadline `due_at` ("" when
/// no clock runs): "<due_at>/<id, 16 digits>", or "9999-12-31T23:59:59Z/<9e15 - id, 16 digits>"
/// so that cases without a deadline come last, newest first. Must match the migration's formula.
std::string due_order_of(std::string_view due_at, std::int64_t id);

inline constexpr std::string_view kNoDeadlineKey = "9999-12-31T23:59:59Z";
inline constexpr std::int64_t kNoDeadlineBase = 9'000'000'000'000'000;

}  // namespace sigap::storage::sql
