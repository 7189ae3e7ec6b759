#include "app/sla/sla_admin.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "app/audit/record_audit.hpp"
#include "app/master_data/reference_checks.hpp"
#include "app/sla/recompute_open_cases.hpp"
#include "domain/complaints/intake.hpp"

namespace sigap::app::sla {

namespace ds = domain::sla;

namespace {

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;
constexpr std::size_t kMaxDayName = 200;

std::string target_text(const ds::SlaTarget& target) {
  return fmt::format("{} {}", target.amount, ds::to_string(target.unit));
}

Error field_problem(std::string field, Text message) {
  return Error(ErrorCode::validation, Text{"Isian belum benar.", "Some fields are not right."},
               {FieldError{std::move(field), std::move(message)}});
}

// Audits `action` in the same transaction as `change`, then recomputes the open cases.
template <typename Change>
Result<std::size_t> change_and_recompute(ports::Storage& storage, const Clock& clock, SlaRules& rules,
                                         const std::string& by, std::string action, std::string target,
                                         std::string detail, Change change) {
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto changed = change(tx); !changed) return changed;
    auto audited =
        audit::record_audit(tx, {clock.now(), by, std::move(action), std::move(target), std::move(detail), ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return recompute_open_cases(storage, rules, clock);
}

}  // namespace

std::string describe(const ds::SlaPolicy& policy) {
  return fmt::format("verify={}; first_response={}; resolve={}", target_text(policy.verify),
                     target_text(policy.first_response), target_text(policy.resolve));
}

Result<std::vector<ds::SlaPolicyRule>> SlaAdmin::policies() { return storage_.sla().policies(); }

ds::SlaPolicy SlaAdmin::fallback() const { return ds::default_sla_policy(rules_.settings().first_response_rule); }

Result<std::size_t> SlaAdmin::save_policy(const ds::SlaPolicyRule& rule, const std::string& by) {
  std::vector<FieldError> problems;
  if (auto valid = ds::validate_sla_policy(rule.policy); !valid) problems = valid.error().fields();
  if (auto checked = master_data::check_category_exists(storage_, rule.category_code, problems); !checked) {
    return checked.error();
  }
  if (auto checked = master_data::check_unit_exists(storage_, rule.unit_code, problems); !checked) {
    return checked.error();
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Kebijakan SLA tidak valid.", "Invalid SLA policy."}, std::move(problems));
  }
  auto target = fmt::format("sla_policy:{}/{}", rule.category_code.empty() ? "*" : rule.category_code,
                            rule.unit_code.empty() ? "*" : rule.unit_code);
  return change_and_recompute(storage_, clock_, rules_, by, "sla_policy.saved", std::move(target),
                              describe(rule.policy),
                              [&](ports::Transaction& tx) { return tx.sla().save_policy(rule, clock_.now()); });
}

Result<CalendarView> SlaAdmin::calendar(std::optional<int> year) {
  rules_.invalidate();
  auto book = rules_.book();
  if (!book) return book.error();
  auto amendments = storage_.sla().calendar_amendments();
  if (!amendments) return amendments.error();
  auto in_year = [&](ds::Date date) { return !year || static_cast<int>(date.year()) == *year; };
  auto amended = [&](ds::Date date) {
    return std::any_of(amendments->begin(), amendments->end(), [&](const auto& a) { return a.date == date; });
  };
  CalendarView view;
  view.covered_years = (*book)->calendar.covered_years();
  for (const auto& holiday : (*book)->calendar.holidays()) {
    if (!in_year(holiday.date)) continue;
    view.days.push_back({holiday.date,
                         holiday.kind == ds::HolidayKind::national_holiday ? ds::AmendmentKind::holiday
                                                                           : ds::AmendmentKind::collective_leave,
                         holiday.name, amended(holiday.date)});
  }
  for (const auto& amendment : *amendments) {
    if (amendment.kind == ds::AmendmentKind::working_day && in_year(amendment.date)) {
      view.days.push_back({amendment.date, amendment.kind, amendment.name, true});
    }
  }
  std::stable_sort(view.days.begin(), view.days.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  return view;
}

Result<std::size_t> SlaAdmin::save_day(const ds::CalendarAmendment& day, const std::string& by) {
  const int year = static_cast<int>(day.date.year());
  if (year < kFirstYear || year > kLastYear) {
    return field_problem("date", Text{fmt::format("Tanggal harus di antara tahun {} dan {}.", kFirstYear, kLastYear),
                                      fmt::format("The date must be between {} and {}.", kFirstYear, kLastYear)});
  }
  auto length = domain::complaints::utf8_length(day.name);
  if (!length || *length > kMaxDayName) {
    return field_problem("name", Text{"Nama paling banyak 200 karakter.", "A name takes at most 200 characters."});
  }
  if (day.kind != ds::AmendmentKind::working_day && day.name.empty()) {
    return field_problem("name", Text{"Tulis nama hari libur sesuai SKB.", "Give the day's name as decreed."});
  }
  auto detail = fmt::format("{} {}", ds::to_string(day.kind), day.name);
  return change_and_recompute(storage_, clock_, rules_, by, "calendar.day_saved",
                              "calendar_day:" + ds::format_date(day.date), std::move(detail),
                              [&](ports::Transaction& tx) { return tx.sla().save_calendar_amendment(day); });
}

Result<std::size_t> SlaAdmin::complete_year(int year, const std::string& by) {
  if (year < kFirstYear || year > kLastYear) {
    return field_problem("year", Text{fmt::format("Tahun harus di antara {} dan {}.", kFirstYear, kLastYear),
                                      fmt::format("The year must be between {} and {}.", kFirstYear, kLastYear)});
  }
  return change_and_recompute(storage_, clock_, rules_, by, "calendar.year_completed",
                              fmt::format("calendar_year:{}", year), "",
                              [&](ports::Transaction& tx) { return tx.sla().complete_year(year); });
}

}  // namespace sigap::app::sla
