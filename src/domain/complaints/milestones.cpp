#include "domain/complaints/milestones.hpp"

#include <array>

namespace sigap::domain::complaints {

namespace {

bool by_staff(std::string_view actor) { return actor.starts_with("user:") || actor.starts_with("apikey:"); }

}  // namespace

bool is_first_response(const ComplaintEvent& event) {
  static constexpr std::array<std::string_view, 5> kAnswers{"assign", "start", "ask_info", "reply", "resolve"};
  if (!event.is_public || !by_staff(event.actor)) return false;
  for (auto type : kAnswers) {
    if (event.type == type) return true;
  }
  return false;
}

void record_milestones(Complaint& complaint, const ComplaintEvent& event) {
  if (!complaint.first_response_at && is_first_response(event)) complaint.first_response_at = event.at;
  if (event.to_status == Status::resolved) complaint.resolved_at = event.at;
  if (event.to_status && is_terminal(*event.to_status) && !complaint.closed_at) complaint.closed_at = event.at;
}

bool closed_with_fix(const Complaint& complaint) {
  return complaint.status == Status::closed && complaint.resolved_at.has_value() && !complaint.merged_into_id;
}

}  // namespace sigap::domain::complaints
