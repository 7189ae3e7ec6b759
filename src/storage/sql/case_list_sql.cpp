#include "storage/sql/case_list_sql.hpp"

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace dc = domain::complaints;

namespace {

std::string quoted(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) {
      if (c == '"') out += '"';  // never in a word from search_words, but the quoting holds anyway
      out += c;
    }
    out += '"';
  }
  return out;
}

// Builds the shared part of a case statement: the CTEs of the scope and the unit filter, and
// the WHERE conditions. Parameters are numbered in the order they are added.
class CaseConditions {
 public:
  // `with_words`: false when the caller joins the full-text matches itself.
  CaseConditions(const app::ports::CaseListQuery& query, std::string_view engine, bool with_statuses,
                 bool with_words = true) {
    const auto& filter = query.filter;
    std::string ctes;
    if (!query.everywhere) {
      std::string roots;
      for (const auto& root : query.unit_roots) {
        if (!roots.empty()) roots += ", ";
        roots += param(root);
      }
      // The roots and every unit below them.
      ctes += "scope (code) AS (SELECT code FROM units WHERE code IN (" + roots +
              ") UNION SELECT u.code FROM units u JOIN scope s ON u.parent_code = s.code)";
      where("unit_code IN (SELECT code FROM scope)");
    }
    if (!filter.unit_code.empty()) {
      if (!ctes.empty()) ctes += ", ";
      ctes += "wanted (code) AS (SELECT code FROM units WHERE code = " + param(filter.unit_code) +
              " UNION SELECT u.code FROM units u JOIN wanted w ON u.parent_code = w.code)";
      where("unit_code IN (SELECT code FROM wanted)");
    }
    if (!ctes.empty()) with_ = "WITH RECURSIVE " + ctes + " ";
    if (with_statuses && !filter.statuses.empty()) {
      std::string list;
      for (auto status : filter.statuses) {
        if (!list.empty()) list += ", ";
        list += param(std::string(dc::to_string(status)));
      }
      where("status IN (" + list + ")");
    }
    if (!filter.category_code.empty()) where("category_code = " + param(filter.category_code));
    if (!filter.region_code.empty()) {
      // Codes are hierarchical: 16.71.01 holds 16.71.01.1001. Region codes hold digits and dots
      // only (checked by the filter), so the pattern has no wildcard but its own.
      where("(region_code = " + param(filter.region_code) + " OR region_code LIKE " +
            param(filter.region_code + ".%") + ")");
    }
    if (filter.channel) where("channel = " + param(std::string(dc::to_string(*filter.channel))));
    if (filter.overdue) {
      // due_order starts with the deadline, or with "9999-" when none runs (migration 0008), so
      // "before now" is exactly "has a deadline, and it has passed", read from its index.
      where("due_order < " + param(format_utc(query.now)) + " AND status NOT IN ('resolved', 'closed', 'rejected')");
    }
    if (filter.submitted_from) where("submitted_at >= " + param(format_utc(*filter.submitted_from)));
    if (filter.submitted_before) where("submitted_at < " + param(format_utc(*filter.submitted_before)));
    if (!filter.words.empty() && with_words) {
      if (engine == "postgres") {
        where("search @@ websearch_to_tsquery('simple', " + param(websearch_all_words(filter.words)) + ")");
      } else {
        where("id IN (SELECT rowid FROM complaints_search WHERE complaints_search MATCH " +
              param(fts5_all_words(filter.words)) + ")");
      }
    }
    if (query.public_only) where("confidential = 0 AND merged_into_id IS NULL");
  }

  // Appends rather than "$" + ...: GCC 12 at -O3 warns falsely (-Wrestrict) about prepending.
  std::string param(SqlValue value) {
    params_.push_back(std::move(value));
    std::string name(1, '$');
    name.append(std::to_string(params_.size()));
    return name;
  }
  void where(const std::string& condition) {
    where_.append(where_.empty() ? "WHERE " : " AND ");
    where_.append(condition);
  }

  [[nodiscard]] const std::string& with() const { return with_; }
  [[nodiscard]] const std::string& conditions() const { return where_; }
  std::vector<SqlValue> take_params() { return std::move(params_); }

 private:
  std::string with_;
  std::string where_;
  std::vector<SqlValue> params_;
};


}  // namespace

std::string due_order_of(std::string_view due_at, std::int64_t id) {
  auto padded = [](std::int64_t number) {
    auto digits = std::to_string(number);
    return std::string(digits.size() < 16 ? 16 - digits.size() : 0, '0') + digits;
  };
  std::string order(due_at.empty() ? kNoDeadlineKey : due_at);
  order += '/';
  order += padded(due_at.empty() ? kNoDeadlineBase - id : id);
  return order;
}

std::string fts5_all_words(const std::vector<std::string>& words) { return quoted(words); }

std::string websearch_all_words(const std::vector<std::string>& words) { return quoted(words); }

SqlStatement case_page_sql(const app::ports::CaseListQuery& query, std::string_view engine, std::string_view select) {
  const auto& filter = query.filter;
  // Newest first with words on SQLite: walk the FTS5 matches newest first and stop at the
  // limit, instead of collecting every match and sorting them (a common word matches tens of
  // thousands of a million cases). CROSS JOIN keeps the matches as the outer loop.
  bool stream_matches = engine != "postgres" && !filter.words.empty() && filter.sort == dc::CaseSort::newest;
  CaseConditions conditions(query, engine, true, !stream_matches);
  std::string from(select);
  std::string order;
  if (stream_matches) {
    std::string matches("(SELECT rowid AS match_id FROM complaints_search WHERE complaints_search MATCH ");
    matches.append(conditions.param(fts5_all_words(filter.words)));
    if (filter.cursor) {
      matches.append(" AND rowid < ");
      matches.append(conditions.param(filter.cursor->id));
    }
    matches.append(" ORDER BY rowid DESC) m CROSS JOIN complaints ON complaints.id = m.match_id ");
    auto at = from.rfind("FROM complaints ");
    from.replace(at + 5, std::string_view("complaints ").size(), matches);
    order = " ORDER BY m.match_id DESC";
  } else if (filter.sort == dc::CaseSort::due) {
    // due_order (migration 0008) is the whole sort key in one indexed column.
    if (filter.cursor) {
      std::string after("due_order > ");
      after.append(conditions.param(due_order_of(filter.cursor->due_key, filter.cursor->id)));
      conditions.where(after);
    }
    order = " ORDER BY due_order";
  } else {
    if (filter.cursor) conditions.where("id < " + conditions.param(filter.cursor->id));
    order = " ORDER BY id DESC";
  }
  auto limit = conditions.param(std::int64_t{filter.limit});
  SqlStatement statement;
  statement.text = conditions.with() + from + conditions.conditions() + order + " LIMIT " + limit;
  statement.params = conditions.take_params();
  return statement;
}

SqlStatement case_walk_sql(const app::ports::CaseListQuery& query, std::string_view select, int walk) {
  const auto& filter = query.filter;
  CaseConditions conditions(query, "postgres", true, false);
  if (filter.cursor) conditions.where("id < " + conditions.param(filter.cursor->id));
  std::string inner("(SELECT * FROM complaints ");
  inner.append(conditions.conditions());
  inner.append(" ORDER BY id DESC LIMIT ");
  inner.append(conditions.param(std::int64_t{walk}));
  inner.append(") complaints ");
  std::string from(select);
  auto at = from.rfind("FROM complaints ");
  from.replace(at + 5, std::string_view("complaints ").size(), inner);
  from.append("WHERE search @@ websearch_to_tsquery('simple', ");
  from.append(conditions.param(websearch_all_words(filter.words)));
  from.append(") ORDER BY id DESC LIMIT ");
  from.append(conditions.param(std::int64_t{filter.limit}));
  SqlStatement statement;
  statement.text = conditions.with() + from;
  statement.params = conditions.take_params();
  return statement;
}

SqlStatement case_walk_edge_sql(const app::ports::CaseListQuery& query, int walk) {
  CaseConditions conditions(query, "postgres", true, false);
  if (query.filter.cursor) conditions.where("id < " + conditions.param(query.filter.cursor->id));
  auto offset = conditions.param(std::int64_t{walk - 1});
  SqlStatement statement;
  statement.text = conditions.with() + "SELECT id FROM complaints " + conditions.conditions() +
                   " ORDER BY id DESC OFFSET " + offset + " LIMIT 1";
  statement.params = conditions.take_params();
  return statement;
}

Result<app::ports::CaseListQuery> widest_scope(SqlBackend& backend, const app::ports::CaseListQuery& query) {
  if (query.everywhere || query.unit_roots.empty()) return query;
  std::vector<SqlValue> params;
  std::string roots;
  for (const auto& root : query.unit_roots) {
    params.emplace_back(root);
    if (!roots.empty()) roots += ", ";
    roots += '$';
    roots += std::to_string(params.size());
  }
  auto rows = backend.read(
      "SELECT (SELECT COUNT(*) FROM units WHERE COALESCE(parent_code, '') = '' AND code IN (" + roots +
          ")), (SELECT COUNT(*) FROM units WHERE COALESCE(parent_code, '') = '')",
      params);
  if (!rows) return rows.error();
  auto widened = query;
  if (int_at(rows->rows.at(0), 0) > 0 && int_at(rows->rows.at(0), 1) == 1) {
    widened.everywhere = true;
    widened.unit_roots.clear();
  }
  return widened;
}

SqlStatement case_count_sql(const app::ports::CaseListQuery& query, std::string_view engine) {
  CaseConditions conditions(query, engine, false);
  SqlStatement statement;
  statement.text = conditions.with() + "SELECT status, COUNT(*) FROM complaints " + conditions.conditions() +
                   " GROUP BY status";
  statement.params = conditions.take_params();
  return statement;
}

}  // namespace sigap::storage::sql
