#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::domain::complaints {

/// Where a complaint (aduan) stands. The names are stable: they are stored in the database and
/// sent by the API.
///
///   submitted -> verified -> assigned -> in_progress -> resolved -> closed
///   submitted | verified -> rejected (arsipkan, with a RejectReason)
///   verified | assigned | in_progress -> need_info (tunda) -> back where it was
///   resolved -> reopened (the reporter disputes in time) -> in_progress, same unit
enum class Status { submitted, verified, assigned, in_progress, need_info, resolved, closed, rejected, reopened };

/// What a person (or the SLA clock, for close_silently) does to a complaint. In the verifier's
/// words (SP4N-LAPOR!): verify = verifikasi (and route), ask_info = tunda, forward = disposisi /
/// bukan wewenang, reject = arsipkan.
enum class WorkflowAction {
  verify,          // the verifier accepts the report; the app routes it to a unit at the same time
  assign,          // the routed unit takes the case
  start,           // the holding unit starts work (also resumes a reopened case)
  ask_info,        // tunda: wait for the reporter; the SLA clock stops
  info_received,   // the reporter answered: back to the status before need_info
  forward,         // disposisi: another unit has the authority; status stays, unit changes
  resolve,         // tindak lanjut done; needs a resolution note
  confirm,         // the reporter accepts the resolution
  dispute,         // the reporter disputes the resolution within the dispute window
  close_silently,  // the dispute window passed without an answer
  reject,          // arsipkan: spam, duplicate, not a public-service matter, too little to act on
  reassign,        // a supervisor overrides the holding unit; status stays
  merge,           // the case is closed into a master case and follows it
};

/// Why a report is archived (arsipkan). Stable names, as above.
enum class RejectReason { spam, duplicate, not_public_service, not_enough_information };

/// Working days after `resolved` during which the reporter may dispute; after them the case
/// closes silently.
inline constexpr int kDisputeWindowWorkingDays = 10;

/// Facts about the case that some transitions depend on. The domain does no time arithmetic
/// here: the caller works the dispute deadline out on the unit's working calendar.
struct TransitionContext {
  /// The status the case had when it went to need_info; the caller stores `from` on ask_info
  /// and clears it on info_received. Read by info_received and by reject from need_info.
  std::optional<Status> status_before_need_info;
  /// True while resolved_at + kDisputeWindowWorkingDays working days has not passed. dispute
  /// needs it true; close_silently needs it false.
  bool dispute_window_open = false;
};

/// The status after `action` on a case in `from`. Errors:
///  - ErrorCode::conflict when the action is not allowed in `from`; the message names the
///    current status and the actions that are (allowed_actions);
///  - ErrorCode::conflict when the pair is allowed but the context forbids it: dispute after the
///    window, close_silently within it, reject from need_info once a unit has accepted the case;
///  - ErrorCode::internal when info_received finds no valid status_before_need_info (our own
///    bookkeeping is broken, not the user's fault).
/// Whether the action carries its reason (needs_reason) is checked by the caller.
Result<Status> apply(Status from, WorkflowAction action, const TransitionContext& context = {});

/// The actions allowed in `status`, in the order the transition table lists them (the order
/// the officer console shows). Empty for closed and rejected.
std::vector<WorkflowAction> allowed_actions(Status status);

/// True for closed and rejected: nothing more can happen to the case.
bool is_terminal(Status status);

/// Whether the action must carry a reason from the person who takes it: reject (a RejectReason),
/// forward, ask_info (the question for the reporter), dispute, reassign, and resolve (the
/// resolution note).
bool needs_reason(WorkflowAction action);

/// Whether the action changes the holding unit (forward, reassign); the caller records the new
/// holder in the case's holder history.
bool changes_unit(WorkflowAction action);

std::string_view to_string(Status status);
std::string_view to_string(WorkflowAction action);
std::string_view to_string(RejectReason reason);

/// Parse the stable snake_case names; anything else is ErrorCode::validation naming `field` and
/// listing the valid names.
Result<Status> status_from_string(std::string_view text, std::string_view field);
Result<WorkflowAction> workflow_action_from_string(std::string_view text, std::string_view field);
Result<RejectReason> reject_reason_from_string(std::string_view text, std::string_view field);

}  // namespace sigap::domain::complaints
