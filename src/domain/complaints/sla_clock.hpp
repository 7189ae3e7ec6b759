#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/complaints/complaint.hpp"
#include "domain/sla/deadline.hpp"

namespace sigap::domain::complaints {

/// The three deadlines of a case (domain::sla::SlaPolicy), as a stage of its life.
enum class SlaStage { none, verify, first_response, resolve };

/// "", "verify", "first_response", "resolve": the values of complaints.sla_target.
std::string_view to_string(SlaStage stage);
/// The inverse of to_string; anything else is none.
SlaStage sla_stage_from_string(std::string_view text);

/// Which deadline a case is held to, and whether its clock runs now.
struct HeldTo {
  SlaStage stage = SlaStage::none;
  bool running = false;
  bool operator==(const HeldTo&) const = default;
};

/// The rule, one row per status:
///   submitted                                          -> verify, running
///   verified, assigned, in_progress, reopened          -> first_response until the handling unit
///                                                         first answered, then resolve; running
///   need_info                                          -> what the status it came from is held
///                                                         to, stopped (tunda pauses the clock)
///   resolved                                           -> resolve, stopped (waiting for the
///                                                         reporter's verdict; a dispute resumes it)
///   closed, rejected                                   -> none
/// `before_need_info` is read in need_info only.
HeldTo held_to(Status status, std::optional<Status> before_need_info, bool first_response_given);

/// What a case's timeline says about its SLA clocks.
struct ClockFacts {
  /// When the handling unit received the case (the first verification); the first-response
  /// clock starts here.
  std::optional<TimePoint> verified_at;
  /// The stretches in need_info or resolved; one still running ends at `now`.
  std::vector<sla::Pause> pauses;
  /// What the case is held to after the last event.
  HeldTo held_to;
};

/// Replays `timeline` (oldest first, starting with the submission; events without a status
/// change only count as answers, see milestones.hpp) up to `now`.
ClockFacts clock_facts(std::span<const ComplaintEvent> timeline, TimePoint now);

}  // namespace sigap::domain::complaints
