#include "storage/sql/sql_dashboard.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace dd = domain::dashboard;
namespace dc = domain::complaints;
using Row = std::vector<std::optional<std::string>>;

namespace {

constexpr std::size_t kBuckets = dd::kResponseBuckets;
// Rows per multi-row statement (values written as literals, see quoted()).
constexpr std::size_t kRowsPerStatement = 500;

std::string placeholders(std::size_t first, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += fmt::format("{}${}", i ? ", " : "", first + i);
  return out;
}

// A text as an SQL literal ('' doubles a quote; standard strings on both engines). The bulk
// statements below write their values as literals rather than parameters: SQLite looks a named
// parameter up by a linear scan, so thousands of "$N" in one statement cost O(N^2).
std::string quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string histogram_columns(std::string_view prefix = "", std::string_view suffix = "") {
  std::string out;
  for (std::size_t i = 0; i < kBuckets; ++i) out += fmt::format("{}{}fr_{}{}", i ? ", " : "", prefix, i, suffix);
  return out;
}

constexpr std::string_view kFactColumns =
    "SELECT c.id, c.unit_code, COALESCE(u.time_zone, ''), c.status, "
    "CASE WHEN c.merged_into_id IS NULL THEN 0 ELSE 1 END, c.sla_level, c.submitted_at, c.first_response_at, "
    "c.resolved_at, c.closed_at, c.resolve_due_at, c.rating "
    "FROM complaints c LEFT JOIN units u ON u.code = c.unit_code ";

std::optional<TimePoint> time_or_none(const Row& row, std::size_t column) {
  auto text = text_at(row, column);
  if (text.empty()) return std::nullopt;
  return parse_utc(text);
}

dd::CaseFacts facts_from(const Row& row) {
  dd::CaseFacts facts;
  facts.complaint_id = int_at(row, 0);
  facts.unit_code = text_at(row, 1);
  if (auto zone = domain::sla::time_zone_from_name(text_at(row, 2))) facts.zone = *zone;
  if (auto status = dc::status_from_string(text_at(row, 3), "status")) facts.status = *status;
  facts.merged = int_at(row, 4) != 0;
  facts.sla_level = static_cast<int>(int_at(row, 5));
  facts.submitted_at = parse_utc(text_at(row, 6)).value_or(TimePoint{});
  facts.first_response_at = time_or_none(row, 7);
  facts.resolved_at = time_or_none(row, 8);
  facts.closed_at = time_or_none(row, 9);
  facts.resolve_due_at = time_or_none(row, 10);
  if (row.at(11)) facts.rating = static_cast<int>(int_at(row, 11));
  return facts;
}

Result<std::vector<dd::CaseFacts>> facts_of(SqlConnection& connection, const std::string& sql,
                                            const std::vector<SqlValue>& params) {
  auto rows = connection.query(sql, params);
  if (!rows) return rows.error();
  std::vector<dd::CaseFacts> facts;
  facts.reserve(rows->size());
  for (const auto& row : rows->rows) facts.push_back(facts_from(row));
  return facts;
}

std::string contribution_row(std::int64_t id, const dd::CaseContribution& c) {
  return fmt::format("({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})", id, quoted(c.unit_code), c.open ? 1 : 0,
                     c.overdue ? 1 : 0, quoted(c.new_day), quoted(c.resolved_day), quoted(c.response_day),
                     c.response_bucket, quoted(c.sla_day), c.within_sla ? 1 : 0, quoted(c.rating_day), c.rating);
}
constexpr std::string_view kContributionNames =
    "complaint_id, unit_code, open, overdue, new_day, resolved_day, response_day, response_bucket, sla_day, "
    "within_sla, rating_day, rating";

dd::CaseContribution contribution_from(const Row& row) {
  dd::CaseContribution c;
  c.unit_code = text_at(row, 1);
  c.open = int_at(row, 2) != 0;
  c.overdue = int_at(row, 3) != 0;
  c.new_day = text_at(row, 4);
  c.resolved_day = text_at(row, 5);
  c.response_day = text_at(row, 6);
  c.response_bucket = static_cast<int>(int_at(row, 7));
  c.sla_day = text_at(row, 8);
  c.within_sla = int_at(row, 9) != 0;
  c.rating_day = text_at(row, 10);
  c.rating = static_cast<int>(int_at(row, 11));
  return c;
}

std::string day_row(const std::string& day, const std::string& unit, const dd::DayCounts& counts) {
  std::string row = fmt::format("({}, {}, {}, {}, {}, {}, {}, {}", quoted(day), quoted(unit), counts.new_count,
                                counts.resolved, counts.within_sla, counts.breached, counts.rating_sum,
                                counts.rating_count);
  for (auto value : counts.responses) row += fmt::format(", {}", value);
  return row + ")";
}

dd::DayCounts day_from(const Row& row, std::size_t first) {
  dd::DayCounts counts;
  counts.new_count = int_at(row, first);
  counts.resolved = int_at(row, first + 1);
  counts.within_sla = int_at(row, first + 2);
  counts.breached = int_at(row, first + 3);
  counts.rating_sum = int_at(row, first + 4);
  counts.rating_count = int_at(row, first + 5);
  for (std::size_t i = 0; i < kBuckets; ++i) counts.responses[i] = int_at(row, first + 6 + i);
  return counts;
}

}  // namespace

// --- SqlDashboardRepository ---------------------------------------------------------------

Result<app::ports::DashboardSnapshot> SqlDashboardRepository::snapshot(
    const std::vector<app::ports::DashboardZone>& zones) {
  // One statement, so the counters, the buckets and the dispatch number are one snapshot.
  // Columns: kind, unit, a, b, fr_0..fr_23, within, breached, rating_sum, rating_count.
  const std::string zeros_fr = [] {
    std::string out;
    for (std::size_t i = 0; i < kBuckets; ++i) out += ", 0";
    return out;
  }();
  std::vector<SqlValue> params;
  std::string sql =
      "SELECT 's', '', d.built, o.last_seq" + zeros_fr +
      ", 0, 0, 0, 0 FROM dashboard_state d, outbox_dispatch o WHERE d.id = 1 AND o.id = 1 "
      "UNION ALL SELECT 'u', unit_code, open_count, overdue_count" + zeros_fr + ", 0, 0, 0, 0 FROM dashboard_units";
  for (const auto& zone : zones) {
    params.emplace_back(zone.windows.today);
    const auto today = params.size();
    params.emplace_back(zone.windows.response_from);
    const auto week = params.size();
    params.emplace_back(zone.windows.outcome_from);
    const auto month = params.size();
    std::string units;
    if (!zone.units.empty()) {
      units = " AND unit_code IN (" + placeholders(params.size() + 1, zone.units.size()) + ")";
      for (const auto& unit : zone.units) params.emplace_back(unit);
    }
    sql += fmt::format(
        " UNION ALL SELECT 'w', unit_code, SUM(CASE WHEN day = ${0} THEN new_count ELSE 0 END), "
        "SUM(CASE WHEN day = ${0} THEN resolved_count ELSE 0 END), {1}, 0, 0, 0, 0 FROM dashboard_days "
        "WHERE day >= ${2} AND day <= ${0}{3} GROUP BY unit_code",
        today, histogram_columns("SUM(", ")"), week, units);
    sql += fmt::format(
        " UNION ALL SELECT 'm', unit_code, 0, 0{0}, SUM(within_sla), SUM(breached), SUM(rating_sum), "
        "SUM(rating_count) FROM dashboard_days WHERE day >= ${1} AND day <= ${2}{3} GROUP BY unit_code",
        zeros_fr, month, today, units);
  }
  auto rows = backend_.read(sql, params);
  if (!rows) return rows.error();
  app::ports::DashboardSnapshot snapshot;
  for (const auto& row : rows->rows) {
    const auto kind = text_at(row, 0);
    if (kind == "s") {
      snapshot.built = int_at(row, 2) != 0;
      snapshot.last_seq = int_at(row, 3);
      continue;
    }
    auto& totals = snapshot.units[text_at(row, 1)];
    if (kind == "u") {
      totals.open += int_at(row, 2);
      totals.overdue += int_at(row, 3);
    } else if (kind == "w") {
      totals.new_today += int_at(row, 2);
      totals.resolved_today += int_at(row, 3);
      for (std::size_t i = 0; i < kBuckets; ++i) totals.responses_7d[i] += int_at(row, 4 + i);
    } else if (kind == "m") {
      totals.within_sla_30d += int_at(row, 4 + kBuckets);
      totals.breached_30d += int_at(row, 5 + kBuckets);
      totals.rating_sum_30d += int_at(row, 6 + kBuckets);
      totals.rating_count_30d += int_at(row, 7 + kBuckets);
    }
  }
  return snapshot;
}

Result<app::ports::DashboardVersion> SqlDashboardRepository::version() {
  auto rows = backend_.read(
      "SELECT d.built, d.built_at, d.revision, o.last_seq FROM dashboard_state d, outbox_dispatch o "
      "WHERE d.id = 1 AND o.id = 1",
      {});
  if (!rows) return rows.error();
  app::ports::DashboardVersion version;
  if (rows->empty()) return version;
  const auto& row = rows->rows.at(0);
  version.built = int_at(row, 0) != 0;
  version.built_at = text_at(row, 1);
  version.revision = int_at(row, 2);
  version.last_seq = int_at(row, 3);
  return version;
}

Result<app::ports::DashboardLive> SqlDashboardRepository::live() {
  // One statement of three parts, the same five columns each (text, text, three integers).
  auto rows = backend_.read(
      "SELECT 'version', d.built_at, d.built, d.revision, o.last_seq FROM dashboard_state d, outbox_dispatch o "
      "WHERE d.id = 1 AND o.id = 1 "
      "UNION ALL SELECT 'alerts', unit_code, COUNT(*), 0, 0 FROM alerts WHERE closed_at = '' GROUP BY unit_code "
      "UNION ALL SELECT 'cameras', unit_code, SUM(CASE WHEN status = 'up' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN status = 'down' THEN 1 ELSE 0 END), 0 FROM cameras WHERE active = 1 GROUP BY unit_code",
      {});
  if (!rows) return rows.error();
  app::ports::DashboardLive live;
  for (const auto& row : rows->rows) {
    const auto part = text_at(row, 0);
    if (part == "version") {
      live.version.built = int_at(row, 2) != 0;
      live.version.built_at = text_at(row, 1);
      live.version.revision = int_at(row, 3);
      live.version.last_seq = int_at(row, 4);
    } else if (part == "alerts") {
      live.units[text_at(row, 1)].open_alerts += int_at(row, 2);
    } else if (part == "cameras") {
      auto& unit = live.units[text_at(row, 1)];
      unit.cameras_up += int_at(row, 2);
      unit.cameras_down += int_at(row, 3);
    }
  }
  return live;
}

Result<dd::FigureCounts> SqlDashboardRepository::all_counts() {
  dd::FigureCounts counts;
  auto units = backend_.read("SELECT unit_code, open_count, overdue_count FROM dashboard_units", {});
  if (!units) return units.error();
  for (const auto& row : units->rows) counts.units[text_at(row, 0)] = {int_at(row, 1), int_at(row, 2)};
  auto days = backend_.read(
      "SELECT day, unit_code, new_count, resolved_count, within_sla, breached, rating_sum, rating_count, " +
          histogram_columns() + " FROM dashboard_days",
      {});
  if (!days) return days.error();
  for (const auto& row : days->rows) counts.days[{text_at(row, 1), text_at(row, 0)}] = day_from(row, 2);
  counts.prune();
  return counts;
}

Result<bool> SqlDashboardRepository::built() {
  auto rows = backend_.read("SELECT built FROM dashboard_state WHERE id = 1", {});
  if (!rows) return rows.error();
  return !rows->empty() && int_at(rows->rows.at(0), 0) != 0;
}

// --- SqlDashboardWriter -------------------------------------------------------------------

Result<bool> SqlDashboardWriter::built() {
  auto rows = connection_.query("SELECT built FROM dashboard_state WHERE id = 1", {});
  if (!rows) return rows.error();
  return !rows->empty() && int_at(rows->rows.at(0), 0) != 0;
}

Result<app::ports::DashboardWriter::Locked> SqlDashboardWriter::lock_cases(const std::vector<std::int64_t>& ids) {
  Locked locked;
  if (ids.empty()) return locked;
  auto sorted = ids;  // one order for every transaction: no deadlock between two of them
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<SqlValue> params(sorted.begin(), sorted.end());
  std::string values;
  for (std::size_t i = 0; i < sorted.size(); ++i) values += fmt::format("{}(${})", i ? ", " : "", i + 1);
  // A case without a contribution gets an empty one, so that there is a row to lock; on
  // PostgreSQL an insert racing another one for the same case waits for it and does nothing.
  auto inserted = connection_.query(
      "INSERT INTO dashboard_cases (complaint_id) VALUES " + values + " ON CONFLICT (complaint_id) DO NOTHING", params);
  if (!inserted) return inserted.error();
  const auto in_list = placeholders(1, sorted.size());
  auto stored = connection_.query(std::string("SELECT ") + std::string(kContributionNames) +
                                      " FROM dashboard_cases WHERE complaint_id IN (" + in_list +
                                      ") ORDER BY complaint_id" + (postgres_ ? " FOR UPDATE" : ""),
                                  params);
  if (!stored) return stored.error();
  for (const auto& row : stored->rows) locked.stored.emplace(int_at(row, 0), contribution_from(row));
  // After the lock: a new statement sees what a transaction that held it committed.
  auto facts = facts_of(connection_, std::string(kFactColumns) + "WHERE c.id IN (" + in_list + ")", params);
  if (!facts) return facts.error();
  locked.facts = std::move(*facts);
  return locked;
}

Result<void> SqlDashboardWriter::store_contributions(
    const std::vector<std::pair<std::int64_t, dd::CaseContribution>>& contributions) {
  for (const auto& [id, c] : contributions) {
    auto updated = connection_.query(
        "UPDATE dashboard_cases SET unit_code = $2, open = $3, overdue = $4, new_day = $5, resolved_day = $6, "
        "response_day = $7, response_bucket = $8, sla_day = $9, within_sla = $10, rating_day = $11, rating = $12 "
        "WHERE complaint_id = $1",
        {id, c.unit_code, std::int64_t{c.open ? 1 : 0}, std::int64_t{c.overdue ? 1 : 0}, c.new_day, c.resolved_day,
         c.response_day, std::int64_t{c.response_bucket}, c.sla_day, std::int64_t{c.within_sla ? 1 : 0}, c.rating_day,
         std::int64_t{c.rating}});
    if (!updated) return updated.error();
  }
  return {};
}

Result<void> SqlDashboardWriter::add_counts(const dd::FigureCounts& delta) {
  if (delta.units.empty() && delta.days.empty()) return {};
  // Readers keep the figures while the revision stays (ports::DashboardVersion).
  if (auto bumped = connection_.query("UPDATE dashboard_state SET revision = revision + 1 WHERE id = 1", {}); !bumped) {
    return bumped.error();
  }
  // Multi-row upserts; the keys of one statement are distinct (map keys), as PostgreSQL wants.
  std::vector<const std::pair<const std::string, dd::UnitCounts>*> units;
  for (const auto& entry : delta.units) units.push_back(&entry);
  for (std::size_t from = 0; from < units.size(); from += kRowsPerStatement) {
    const auto to = std::min(units.size(), from + kRowsPerStatement);
    std::string values;
    for (auto i = from; i < to; ++i) {
      values += fmt::format("{}({}, {}, {})", i > from ? ", " : "", quoted(units[i]->first), units[i]->second.open,
                            units[i]->second.overdue);
    }
    auto done = connection_.query(
        "INSERT INTO dashboard_units (unit_code, open_count, overdue_count) VALUES " + values +
            " ON CONFLICT (unit_code) DO UPDATE SET open_count = dashboard_units.open_count + excluded.open_count, "
            "overdue_count = dashboard_units.overdue_count + excluded.overdue_count",
        {});
    if (!done) return done.error();
  }
  static const std::string day_update = [] {
    std::string out;
    for (std::string_view column : {"new_count", "resolved_count", "within_sla", "breached", "rating_sum",
                                    "rating_count"}) {
      out += fmt::format("{}{} = dashboard_days.{} + excluded.{}", out.empty() ? "" : ", ", column, column, column);
    }
    for (std::size_t i = 0; i < kBuckets; ++i) out += fmt::format(", fr_{0} = dashboard_days.fr_{0} + excluded.fr_{0}", i);
    return out;
  }();
  std::vector<const std::pair<const std::pair<std::string, std::string>, dd::DayCounts>*> days;
  for (const auto& entry : delta.days) days.push_back(&entry);
  for (std::size_t from = 0; from < days.size(); from += kRowsPerStatement) {
    const auto to = std::min(days.size(), from + kRowsPerStatement);
    std::string values;
    for (auto i = from; i < to; ++i) {
      values += (i > from ? ", " : "") + day_row(days[i]->first.second, days[i]->first.first, days[i]->second);
    }
    auto done = connection_.query(
        "INSERT INTO dashboard_days (day, unit_code, new_count, resolved_count, within_sla, breached, rating_sum, "
        "rating_count, " + histogram_columns() + ") VALUES " + values +
            " ON CONFLICT (day, unit_code) DO UPDATE SET " + day_update,
        {});
    if (!done) return done.error();
  }
  return {};
}

Result<void> SqlDashboardWriter::clear() {
  std::string_view script =
      postgres_ ? "TRUNCATE dashboard_cases, dashboard_units, dashboard_days; "
                  "UPDATE dashboard_state SET built = 0 WHERE id = 1;"
                : "DELETE FROM dashboard_cases; DELETE FROM dashboard_units; DELETE FROM dashboard_days; "
                  "UPDATE dashboard_state SET built = 0 WHERE id = 1;";
  return connection_.execute_script(script);
}

Result<std::vector<dd::CaseFacts>> SqlDashboardWriter::facts_after(std::int64_t after_id, int limit) {
  return facts_of(connection_, std::string(kFactColumns) + "WHERE c.id > $1 ORDER BY c.id LIMIT $2",
                  {after_id, std::int64_t{limit}});
}

Result<void> SqlDashboardWriter::insert_contributions(
    const std::vector<std::pair<std::int64_t, dd::CaseContribution>>& contributions) {
  for (std::size_t from = 0; from < contributions.size(); from += kRowsPerStatement) {
    const auto to = std::min(contributions.size(), from + kRowsPerStatement);
    std::string values;
    for (auto i = from; i < to; ++i) {
      values += (i > from ? ", " : "") + contribution_row(contributions[i].first, contributions[i].second);
    }
    auto done = connection_.query(
        "INSERT INTO dashboard_cases (" + std::string(kContributionNames) + ") VALUES " + values, {});
    if (!done) return done.error();
  }
  return {};
}

Result<void> SqlDashboardWriter::mark_built(TimePoint at, std::int64_t cases) {
  auto done = connection_.query("UPDATE dashboard_state SET built = 1, built_at = $1, cases = $2 WHERE id = 1",
                                {format_utc(at), cases});
  if (!done) return done.error();
  return {};
}

}  // namespace sigap::storage::sql
