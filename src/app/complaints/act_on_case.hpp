#pragma once

#include <optional>
#include <string>

#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::app::complaints {

/// What a staff member asks to do with a case (verify, tunda, disposisi, arsipkan, ...).
struct CaseAction {
  std::string action;         // domain::complaints::WorkflowAction by name
  std::string reason;         // required where the workflow needs one (shown on the timeline)
  std::string reject_reason;  // for reject: spam, duplicate, not_public_service, not_enough_information
  std::string unit_code;      // for forward and reassign: the unit that takes the case
  std::string merge_into;     // for merge: the public code of the master case
  std::string category_code;  // for verify: the right category, when the report's is wrong (routes again)
  std::optional<std::int64_t> expected_version;  // from If-Match; a stale one is precondition_failed
};

/// Applies a workflow action to a case in the actor's scope: checks the policy (work_case, or
/// reassign_case for reassign), the transition table (an illegal pair is a `conflict` naming
/// the state and the allowed actions), the reason, the target unit; then stores the new state
/// and a timeline event with its outbox row in one transaction, bumping the version. Forwarding
/// keeps the history of who held the case; a case bounced more than three times is flagged on
/// its timeline for triage. Resolving a case of a field-work category needs an "after" photo
/// (case_photos.hpp). Merging closes the case into an open master case in scope, which it then
/// follows (merge_cases.hpp). Verifying may correct the category, which routes the case again
/// (correct_category.hpp). The deadlines follow the change (`sla_rules`: policies and calendar).
Result<domain::complaints::Complaint> act_on_case(ports::Storage& storage, const Clock& clock, sla::SlaRules& sla_rules,
                                                  const domain::access::Actor& actor, std::int64_t id,
                                                  const CaseAction& request);

}  // namespace sigap::app::complaints
