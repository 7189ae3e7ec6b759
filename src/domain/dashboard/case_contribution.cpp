#include "domain/dashboard/case_contribution.hpp"

#include "domain/dashboard/response_histogram.hpp"

namespace sigap::domain::dashboard {

namespace dc = domain::complaints;

bool counts_as_open(dc::Status status) {
  switch (status) {
    case dc::Status::submitted:
    case dc::Status::verified:
    case dc::Status::assigned:
    case dc::Status::in_progress:
    case dc::Status::need_info:
    case dc::Status::reopened:
      return true;
    case dc::Status::resolved:
    case dc::Status::closed:
    case dc::Status::rejected:
      return false;
  }
  return false;
}

CaseContribution contribution_of(const CaseFacts& facts) {
  CaseContribution out;
  out.unit_code = facts.unit_code;
  auto day = [&](TimePoint at) { return sla::format_date(sla::local_date(at, facts.zone)); };
  out.open = !facts.merged && counts_as_open(facts.status);
  out.overdue = out.open && facts.sla_level >= 2;
  out.new_day = day(facts.submitted_at);
  const bool fixed = !facts.merged && (facts.status == dc::Status::resolved || facts.status == dc::Status::closed);
  if (fixed && facts.resolved_at) {
    out.resolved_day = day(*facts.resolved_at);
    if (facts.resolve_due_at) {
      out.sla_day = out.resolved_day;
      out.within_sla = *facts.resolved_at <= *facts.resolve_due_at;
    }
  }
  if (facts.first_response_at) {
    out.response_day = day(*facts.first_response_at);
    out.response_bucket = first_response_bucket(*facts.first_response_at - facts.submitted_at);
  }
  if (facts.rating && *facts.rating >= 1 && *facts.rating <= 5) {
    out.rating = *facts.rating;
    out.rating_day = day(facts.closed_at.value_or(facts.resolved_at.value_or(facts.submitted_at)));
  }
  return out;
}

}  // namespace sigap::domain::dashboard
