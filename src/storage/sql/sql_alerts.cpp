#include "storage/sql/sql_alerts.hpp"

#include <fmt/format.h>

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace ports = app::ports;

app::ports::Alert alert_from(const std::vector<std::optional<std::string>>& row) {
  ports::Alert alert;
  alert.id = int_at(row, 0);
  alert.kind = text_at(row, 1);
  alert.severity = text_at(row, 2);
  alert.unit_code = text_at(row, 3);
  alert.subject = text_at(row, 4);
  alert.message = text_at(row, 5);
  alert.created_at = parse_utc(text_at(row, 6)).value_or(TimePoint{});
  alert.acknowledged_by = text_at(row, 7);
  alert.acknowledged_at = parse_utc(text_at(row, 8));
  alert.closed_at = parse_utc(text_at(row, 9));
  return alert;
}

namespace {

std::vector<ports::Alert> alerts_from(const SqlRows& rows) {
  std::vector<ports::Alert> alerts;
  alerts.reserve(rows.size());
  for (const auto& row : rows.rows) alerts.push_back(alert_from(row));
  return alerts;
}

}  // namespace

Result<std::vector<ports::Alert>> SqlAlertRepository::list(const ports::AlertQuery& query) {
  std::vector<SqlValue> params;
  auto param = [&](SqlValue value) {
    params.push_back(std::move(value));
    return fmt::format("${}", params.size());
  };
  std::vector<std::string> ctes;
  std::vector<std::string> conditions;
  if (!query.everywhere) {
    if (query.unit_roots.empty()) return std::vector<ports::Alert>{};
    std::string roots;
    for (const auto& root : query.unit_roots) roots += (roots.empty() ? "" : ", ") + param(root);
    ctes.push_back("scope (code) AS (SELECT code FROM units WHERE code IN (" + roots +
                   ") UNION SELECT u.code FROM units u JOIN scope s ON u.parent_code = s.code)");
    conditions.emplace_back("unit_code IN (SELECT code FROM scope)");
  }
  if (query.unit) {
    ctes.push_back("under (code) AS (SELECT code FROM units WHERE code = " + param(*query.unit) +
                   " UNION SELECT u.code FROM units u JOIN under s ON u.parent_code = s.code)");
    conditions.emplace_back("unit_code IN (SELECT code FROM under)");
  }
  if (query.kind) conditions.push_back("kind = " + param(*query.kind));
  if (query.state == ports::AlertState::open) conditions.emplace_back("closed_at = ''");
  if (query.state == ports::AlertState::closed) conditions.emplace_back("closed_at <> ''");
  // Open first, then newest first: (closed, id DESC), continued after the last row of a page.
  const std::string closed_flag = "(CASE WHEN closed_at = '' THEN 0 ELSE 1 END)";
  if (query.after) {
    const auto flag = param(std::int64_t{query.after->first ? 1 : 0});
    const auto id = param(query.after->second);
    conditions.push_back(fmt::format("({0} > {1} OR ({0} = {1} AND id < {2}))", closed_flag, flag, id));
  }
  std::string sql;
  if (!ctes.empty()) {
    sql = "WITH RECURSIVE ";
    for (std::size_t i = 0; i < ctes.size(); ++i) sql += (i ? ", " : "") + ctes[i];
    sql += " ";
  }
  sql += fmt::format("SELECT {} FROM alerts", kAlertColumns);
  for (std::size_t i = 0; i < conditions.size(); ++i) sql += (i ? " AND " : " WHERE ") + conditions[i];
  sql += fmt::format(" ORDER BY {} ASC, id DESC LIMIT {}", closed_flag, param(std::int64_t{query.limit}));
  auto rows = backend_.read(sql, params);
  if (!rows) return rows.error();
  return alerts_from(*rows);
}

Result<std::optional<ports::Alert>> SqlAlertRepository::find(std::int64_t id) {
  auto rows = backend_.read(fmt::format("SELECT {} FROM alerts WHERE id = $1", kAlertColumns), {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ports::Alert>();
  return std::optional<ports::Alert>(alert_from(rows->rows.front()));
}

Result<std::vector<ports::Alert>> SqlAlertRepository::open_of_kind(std::string_view kind) {
  auto rows =
      backend_.read(fmt::format("SELECT {} FROM alerts WHERE closed_at = '' AND kind = $1 ORDER BY id", kAlertColumns),
                    {std::string(kind)});
  if (!rows) return rows.error();
  return alerts_from(*rows);
}

Result<std::vector<ports::OpenAlertCount>> SqlAlertRepository::open_counts() {
  auto rows = backend_.read(
      "SELECT unit_code, kind, COUNT(*) FROM alerts WHERE closed_at = '' GROUP BY unit_code, kind "
      "ORDER BY unit_code, kind",
      {});
  if (!rows) return rows.error();
  std::vector<ports::OpenAlertCount> counts;
  for (const auto& row : rows->rows) counts.push_back({text_at(row, 0), text_at(row, 1), int_at(row, 2)});
  return counts;
}

Result<std::vector<ports::Alert>> SqlAlertRepository::open_or_after(std::int64_t after_id) {
  // Two indexed ranges (the partial index of open alerts, the primary key) rather than an OR
  // that a planner may turn into a scan of the table.
  auto rows = backend_.read(fmt::format("SELECT {0} FROM alerts WHERE closed_at = '' UNION "
                                        "SELECT {0} FROM alerts WHERE id > $1 ORDER BY id",
                                        kAlertColumns),
                            {after_id});
  if (!rows) return rows.error();
  return alerts_from(*rows);
}

Result<std::optional<std::int64_t>> SqlAlertWriter::raise(const ports::Alert& alert) {
  auto rows = connection_.query(
      "INSERT INTO alerts (kind, severity, unit_code, subject, message, created_at) VALUES ($1, $2, $3, $4, $5, $6) "
      "ON CONFLICT (kind, subject) WHERE closed_at = '' DO NOTHING RETURNING id",
      {alert.kind, alert.severity, alert.unit_code, alert.subject, alert.message, format_utc(alert.created_at)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(int_at(rows->rows.front(), 0));
}

Result<std::optional<std::int64_t>> SqlAlertWriter::raise_once(const ports::Alert& alert) {
  auto seen =
      connection_.query("SELECT id FROM alerts WHERE kind = $1 AND subject = $2 LIMIT 1", {alert.kind, alert.subject});
  if (!seen) return seen.error();
  if (!seen->empty()) return std::optional<std::int64_t>();
  return raise(alert);
}

Result<bool> SqlAlertWriter::close(std::string_view kind, std::string_view subject, TimePoint at) {
  auto rows = connection_.query(
      "UPDATE alerts SET closed_at = $1 WHERE kind = $2 AND subject = $3 AND closed_at = '' RETURNING id",
      {format_utc(at), std::string(kind), std::string(subject)});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<bool> SqlAlertWriter::acknowledge(std::int64_t id, const std::string& by, TimePoint at, bool close) {
  const auto when = format_utc(at);
  auto rows = connection_.query(
      "UPDATE alerts SET acknowledged_by = $1, acknowledged_at = $2, "
      "closed_at = CASE WHEN $3 = 1 AND closed_at = '' THEN $2 ELSE closed_at END "
      "WHERE id = $4 AND acknowledged_at = '' RETURNING id",
      {by, when, std::int64_t{close ? 1 : 0}, id});
  if (!rows) return rows.error();
  return !rows->empty();
}

}  // namespace sigap::storage::sql
