#pragma once

#include <optional>
#include <string>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/complaints/complaint.hpp"
#include "app/sla/sla_rules.hpp"

namespace sigap::app::complaints {

/// What the reporter does through the tracking link, proving it with the secret handed out at
/// intake (no account needed).
struct ReporterAction {
  std::string code;    // the public code, as typed
  std::string secret;  // the reporter secret
  std::string action;  // "reply", "confirm", "dispute"
  std::string message;
  std::optional<int> rating;  // 1-5, with confirm
};

/// reply: a public message on the timeline; when the unit asked for information (need_info) the
/// reply answers it and the case resumes where it was (the SLA clock runs again).
/// confirm: the reporter accepts the resolution and rates it 1-5: resolved -> closed.
/// dispute: within 10 working days of the resolution the reporter disputes it with a reason:
/// resolved -> reopened, back to the same unit. A wrong secret is `forbidden`; an action the
/// state does not allow is a `conflict` naming the allowed ones.
Result<domain::complaints::Complaint> act_as_reporter(ports::Storage& storage, const Clock& clock,
                                                      sla::SlaRules& sla_rules, const ReporterAction& request);

}  // namespace sigap::app::complaints
