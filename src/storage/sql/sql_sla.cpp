#include "storage/sql/sql_sla.hpp"

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace sla = domain::sla;
using Row = std::vector<std::optional<std::string>>;

namespace {

Result<sla::SlaTarget> target_at(const Row& row, std::size_t column) {
  auto unit = sla::sla_unit_from_string(text_at(row, column), "unit");
  if (!unit) return Error::internal("sla_policies: unknown unit " + text_at(row, column));
  return sla::SlaTarget{*unit, static_cast<int>(int_at(row, column + 1))};
}

std::vector<std::int64_t> ids_of(const SqlRows& rows) {
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& row : rows.rows) ids.push_back(int_at(row, 0));
  return ids;
}

}  // namespace

Result<std::vector<sla::SlaPolicyRule>> SqlSlaRepository::policies() {
  auto rows = backend_.read(
      "SELECT category_code, unit_code, verify_unit, verify_amount, first_response_unit, first_response_amount, "
      "resolve_unit, resolve_amount FROM sla_policies ORDER BY category_code, unit_code",
      {});
  if (!rows) return rows.error();
  std::vector<sla::SlaPolicyRule> rules;
  for (const auto& row : rows->rows) {
    sla::SlaPolicyRule rule;
    rule.category_code = text_at(row, 0);
    rule.unit_code = text_at(row, 1);
    auto verify = target_at(row, 2);
    auto first_response = target_at(row, 4);
    auto resolve = target_at(row, 6);
    if (!verify) return verify.error();
    if (!first_response) return first_response.error();
    if (!resolve) return resolve.error();
    rule.policy = sla::SlaPolicy{*verify, *first_response, *resolve};
    rules.push_back(std::move(rule));
  }
  return rules;
}

Result<std::vector<sla::CalendarAmendment>> SqlSlaRepository::calendar_amendments() {
  auto rows = backend_.read("SELECT date, kind, name FROM calendar_days ORDER BY date", {});
  if (!rows) return rows.error();
  std::vector<sla::CalendarAmendment> days;
  for (const auto& row : rows->rows) {
    auto date = sla::parse_date(text_at(row, 0));
    auto kind = sla::amendment_kind_from_string(text_at(row, 1), "kind");
    if (!date || !kind) return Error::internal("calendar_days: bad row for " + text_at(row, 0));
    days.push_back(sla::CalendarAmendment{*date, *kind, text_at(row, 2)});
  }
  return days;
}

Result<std::vector<int>> SqlSlaRepository::completed_years() {
  auto rows = backend_.read("SELECT year FROM calendar_years ORDER BY year", {});
  if (!rows) return rows.error();
  std::vector<int> years;
  for (const auto& row : rows->rows) years.push_back(static_cast<int>(int_at(row, 0)));
  return years;
}

Result<std::vector<std::int64_t>> SqlSlaRepository::cases_to_check(TimePoint now, int limit) {
  auto rows = backend_.read(
      "SELECT id FROM complaints WHERE sla_check_at <> '' AND sla_check_at <= $1 ORDER BY sla_check_at, id LIMIT $2",
      {format_utc(now), std::int64_t{limit}});
  if (!rows) return rows.error();
  return ids_of(*rows);
}

Result<std::vector<std::int64_t>> SqlSlaRepository::open_cases(std::int64_t after_id, int limit) {
  auto rows = backend_.read(
      "SELECT id FROM complaints WHERE id > $1 AND status NOT IN ('closed', 'rejected') ORDER BY id LIMIT $2",
      {after_id, std::int64_t{limit}});
  if (!rows) return rows.error();
  return ids_of(*rows);
}

Result<std::optional<TimePoint>> SqlSlaRepository::check_at(std::int64_t complaint_id) {
  auto rows = backend_.read("SELECT sla_check_at FROM complaints WHERE id = $1", {complaint_id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<TimePoint>();
  return parse_utc(text_at(rows->rows.front(), 0));
}

Result<std::vector<app::ports::Alert>> SqlSlaRepository::alerts(bool open_only, int limit) {
  auto rows = backend_.read(
      "SELECT id, kind, severity, unit_code, subject, message, created_at, acknowledged_by, acknowledged_at, "
      "closed_at FROM alerts WHERE ($1 = 0 OR closed_at = '') ORDER BY id DESC LIMIT $2",
      {std::int64_t{open_only}, std::int64_t{limit}});
  if (!rows) return rows.error();
  std::vector<app::ports::Alert> alerts;
  for (const auto& row : rows->rows) {
    app::ports::Alert alert;
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
    alerts.push_back(std::move(alert));
  }
  return alerts;
}

Result<void> SqlSlaWriter::save_policy(const sla::SlaPolicyRule& rule, TimePoint at) {
  const auto& policy = rule.policy;
  auto rows = connection_.query(
      "INSERT INTO sla_policies (category_code, unit_code, verify_unit, verify_amount, first_response_unit, "
      "first_response_amount, resolve_unit, resolve_amount, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
      "ON CONFLICT (category_code, unit_code) DO UPDATE SET verify_unit = excluded.verify_unit, "
      "verify_amount = excluded.verify_amount, first_response_unit = excluded.first_response_unit, "
      "first_response_amount = excluded.first_response_amount, resolve_unit = excluded.resolve_unit, "
      "resolve_amount = excluded.resolve_amount, updated_at = excluded.updated_at",
      {rule.category_code, rule.unit_code, std::string(sla::to_string(policy.verify.unit)),
       std::int64_t{policy.verify.amount}, std::string(sla::to_string(policy.first_response.unit)),
       std::int64_t{policy.first_response.amount}, std::string(sla::to_string(policy.resolve.unit)),
       std::int64_t{policy.resolve.amount}, format_utc(at)});
  if (!rows) return rows.error();
  return {};
}

Result<void> SqlSlaWriter::save_calendar_amendment(const sla::CalendarAmendment& amendment) {
  auto rows = connection_.query(
      "INSERT INTO calendar_days (date, kind, name) VALUES ($1, $2, $3) "
      "ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name",
      {sla::format_date(amendment.date), std::string(sla::to_string(amendment.kind)), amendment.name});
  if (!rows) return rows.error();
  return {};
}

Result<void> SqlSlaWriter::complete_year(int year) {
  auto rows = connection_.query("INSERT INTO calendar_years (year) VALUES ($1) ON CONFLICT (year) DO NOTHING",
                                {std::int64_t{year}});
  if (!rows) return rows.error();
  return {};
}

Result<bool> SqlSlaWriter::raise_alert(const app::ports::Alert& alert) {
  auto rows = connection_.query(
      "INSERT INTO alerts (kind, severity, unit_code, subject, message, created_at) VALUES ($1, $2, $3, $4, $5, $6) "
      "ON CONFLICT (kind, subject) WHERE closed_at = '' DO NOTHING RETURNING id",
      {alert.kind, alert.severity, alert.unit_code, alert.subject, alert.message, format_utc(alert.created_at)});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<void> SqlSlaWriter::set_check_at(std::int64_t complaint_id, std::optional<TimePoint> at, std::int64_t version) {
  auto rows = connection_.query("UPDATE complaints SET sla_check_at = $1 WHERE id = $2 AND version = $3 RETURNING id",
                                {at ? format_utc(*at) : std::string(), complaint_id, version});
  if (!rows) return rows.error();
  if (rows->empty()) {
    return Error(ErrorCode::precondition_failed,
                 Text{"Aduan ini sudah diubah orang lain.", "Someone else changed this case first."});
  }
  return {};
}

}  // namespace sigap::storage::sql
