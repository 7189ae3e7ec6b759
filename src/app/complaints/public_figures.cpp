#include "app/complaints/public_figures.hpp"

#include <algorithm>
#include <map>

#include "domain/complaints/milestones.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;

namespace {

bool fixed(const ports::CaseOutcome& outcome) {
  dc::Complaint complaint;
  complaint.status = outcome.status;
  complaint.resolved_at = outcome.resolved_at;
  if (outcome.merged) complaint.merged_into_id = 0;
  return dc::closed_with_fix(complaint);
}

std::optional<std::int64_t> median(std::vector<std::int64_t> values) {
  if (values.empty()) return std::nullopt;
  auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (values.size() % 2 == 1) return *middle;
  auto below = *std::max_element(values.begin(), middle);
  auto sum = below + *middle;
  return sum >= 0 ? sum / 2 : (sum - 1) / 2;
}

}  // namespace

CaseFigures figures_of(const std::vector<ports::CaseOutcome>& outcomes) {
  CaseFigures figures;
  std::vector<std::int64_t> first_responses;
  std::int64_t rating_sum = 0;
  for (const auto& outcome : outcomes) {
    ++figures.received;
    bool over = dc::is_terminal(outcome.status) || outcome.merged;
    if (!over) ++figures.open;
    if (outcome.resolved_at) ++figures.resolved;
    if (fixed(outcome)) {
      ++figures.fixed;
    } else if (over) {
      ++figures.closed_without_fix;
    }
    if (outcome.first_response_at) {
      first_responses.push_back(
          std::chrono::duration_cast<std::chrono::seconds>(*outcome.first_response_at - outcome.submitted_at).count());
    }
    if (outcome.resolved_at && outcome.resolve_due_at) {
      ++figures.resolved_with_deadline;
      if (*outcome.resolved_at <= *outcome.resolve_due_at) ++figures.resolved_within_deadline;
    }
    if (outcome.rating) {
      ++figures.ratings;
      rating_sum += *outcome.rating;
    }
  }
  figures.first_responses = static_cast<std::int64_t>(first_responses.size());
  figures.median_first_response_seconds = median(std::move(first_responses));
  if (figures.resolved_with_deadline > 0) {
    figures.within_deadline_share =
        static_cast<double>(figures.resolved_within_deadline) / static_cast<double>(figures.resolved_with_deadline);
  }
  if (figures.ratings > 0) {
    figures.average_rating = static_cast<double>(rating_sum) / static_cast<double>(figures.ratings);
  }
  return figures;
}

Result<PublicFigures> public_figures(ports::Storage& storage, const ports::OutcomeQuery& period) {
  auto outcomes = storage.complaints().outcomes(period);
  if (!outcomes) return outcomes.error();
  std::map<std::string, std::vector<ports::CaseOutcome>> by_unit;
  for (const auto& outcome : *outcomes) by_unit[outcome.unit_code].push_back(outcome);
  PublicFigures figures;
  figures.city = figures_of(*outcomes);
  auto units = storage.units().list({});
  if (!units) return units.error();
  std::map<std::string, std::string, std::less<>> names;
  for (const auto& unit : *units) names[unit.code] = unit.name;
  for (auto& [code, unit_outcomes] : by_unit) {
    auto name = names.find(code);
    figures.units.push_back({code, name == names.end() ? code : name->second, figures_of(unit_outcomes)});
  }
  return figures;
}

}  // namespace sigap::app::complaints
