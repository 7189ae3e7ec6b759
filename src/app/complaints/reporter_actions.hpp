#pragma once

#include <optional>
#include <string>
#include <vector>

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

/// How a reporter's action came when not through the tracking link (e-mail: docs/channels.md).
struct ReporterActionExtras {
  domain::complaints::Channel channel = domain::complaints::Channel::web;  // on the timeline event
  /// Already checked and stored (ports::PhotoStore): they join the case ("reporter" photos) in
  /// the same transaction as the action. A case holds at most kMaxPhotosPerCase.
  std::vector<ports::StoredPhoto> photos;
  /// Recorded with the change (as an intake's Idempotency-Key is); a key already recorded makes
  /// the transaction a `conflict` and changes nothing. Empty: none.
  std::string idempotency_key;
};

/// act_as_reporter on a case the caller has already tied to its reporter another way (e-mail:
/// the sender is the reporter's address); `complaint` as read with storage's find_by_code.
Result<domain::complaints::Complaint> act_on_own_case(ports::Storage& storage, const Clock& clock,
                                                      sla::SlaRules& sla_rules, domain::complaints::Complaint complaint,
                                                      const ReporterAction& request, const ReporterActionExtras& extras);

}  // namespace sigap::app::complaints
