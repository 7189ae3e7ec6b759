#include "domain/complaints/sla_clock.hpp"

#include "domain/complaints/milestones.hpp"

namespace sigap::domain::complaints {

namespace {

bool is_pause(Status status) { return status == Status::need_info || status == Status::resolved; }

}  // namespace

std::string_view to_string(SlaStage stage) {
  switch (stage) {
    case SlaStage::none:
      return "";
    case SlaStage::verify:
      return "verify";
    case SlaStage::first_response:
      return "first_response";
    case SlaStage::resolve:
      return "resolve";
  }
  return "";
}

SlaStage sla_stage_from_string(std::string_view text) {
  for (auto stage : {SlaStage::verify, SlaStage::first_response, SlaStage::resolve}) {
    if (to_string(stage) == text) return stage;
  }
  return SlaStage::none;
}

HeldTo held_to(Status status, std::optional<Status> before_need_info, bool first_response_given) {
  switch (status) {
    case Status::submitted:
      return {SlaStage::verify, true};
    case Status::verified:
    case Status::assigned:
    case Status::in_progress:
    case Status::reopened:
      return {first_response_given ? SlaStage::resolve : SlaStage::first_response, true};
    case Status::need_info: {
      if (!before_need_info || *before_need_info == Status::need_info) {
        return {first_response_given ? SlaStage::resolve : SlaStage::first_response, false};
      }
      auto origin = held_to(*before_need_info, std::nullopt, first_response_given);
      return {origin.stage, false};
    }
    case Status::resolved:
      return {SlaStage::resolve, false};
    case Status::closed:
    case Status::rejected:
      return {SlaStage::none, false};
  }
  return {};
}

ClockFacts clock_facts(std::span<const ComplaintEvent> timeline, TimePoint now) {
  ClockFacts facts;
  Status status = Status::submitted;
  std::optional<Status> before_need_info;
  bool answered = false;
  bool paused = false;
  TimePoint paused_since{};
  for (const auto& event : timeline) {
    if (is_first_response(event)) answered = true;
    if (!event.to_status || *event.to_status == status) continue;
    const Status next = *event.to_status;
    if (next == Status::verified && status == Status::submitted && !facts.verified_at) facts.verified_at = event.at;
    if (paused && !is_pause(next)) {
      facts.pauses.push_back({paused_since, event.at});
      paused = false;
    } else if (!paused && is_pause(next)) {
      paused = true;
      paused_since = event.at;
    }
    if (next == Status::need_info) before_need_info = status;
    status = next;
  }
  if (paused && paused_since < now) facts.pauses.push_back({paused_since, now});
  facts.held_to = held_to(status, before_need_info, answered);
  return facts;
}

}  // namespace sigap::domain::complaints
