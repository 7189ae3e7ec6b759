#include "domain/complaints/workflow.hpp"

#include <array>
#include <string>
#include <utility>

namespace sigap::domain::complaints {

namespace {

constexpr std::array<std::pair<Status, std::string_view>, 9> kStatusNames{{
    {Status::submitted, "submitted"},
    {Status::verified, "verified"},
    {Status::assigned, "assigned"},
    {Status::in_progress, "in_progress"},
    {Status::need_info, "need_info"},
    {Status::resolved, "resolved"},
    {Status::closed, "closed"},
    {Status::rejected, "rejected"},
    {Status::reopened, "reopened"},
}};

constexpr std::array<std::pair<WorkflowAction, std::string_view>, 13> kActionNames{{
    {WorkflowAction::verify, "verify"},
    {WorkflowAction::assign, "assign"},
    {WorkflowAction::start, "start"},
    {WorkflowAction::ask_info, "ask_info"},
    {WorkflowAction::info_received, "info_received"},
    {WorkflowAction::forward, "forward"},
    {WorkflowAction::resolve, "resolve"},
    {WorkflowAction::confirm, "confirm"},
    {WorkflowAction::dispute, "dispute"},
    {WorkflowAction::close_silently, "close_silently"},
    {WorkflowAction::reject, "reject"},
    {WorkflowAction::reassign, "reassign"},
    {WorkflowAction::merge, "merge"},
}};

constexpr std::array<std::pair<RejectReason, std::string_view>, 4> kReasonNames{{
    {RejectReason::spam, "spam"},
    {RejectReason::duplicate, "duplicate"},
    {RejectReason::not_public_service, "not_public_service"},
    {RejectReason::not_enough_information, "not_enough_information"},
}};

// A condition on the case that an allowed (from, action) pair must also meet.
enum class Guard {
  none,
  dispute_window_open,    // the reporter may still dispute
  dispute_window_closed,  // the reporter stayed silent for the whole window
  not_yet_accepted,       // need_info was entered before any unit accepted the case
};

struct Transition {
  Status from;
  WorkflowAction action;
  std::optional<Status> to;  // nullopt: back to status_before_need_info
  Guard guard = Guard::none;
};

// THE workflow: one row per allowed (from, action). A new rule is a new row. Rows of one status
// are listed in the order the console offers the actions.
constexpr Transition kTransitions[] = {
    {Status::submitted, WorkflowAction::verify, Status::verified},
    {Status::submitted, WorkflowAction::reject, Status::rejected},
    {Status::submitted, WorkflowAction::merge, Status::closed},

    {Status::verified, WorkflowAction::assign, Status::assigned},
    {Status::verified, WorkflowAction::ask_info, Status::need_info},
    {Status::verified, WorkflowAction::forward, Status::verified},
    {Status::verified, WorkflowAction::reassign, Status::verified},
    {Status::verified, WorkflowAction::reject, Status::rejected},
    {Status::verified, WorkflowAction::merge, Status::closed},

    {Status::assigned, WorkflowAction::start, Status::in_progress},
    {Status::assigned, WorkflowAction::ask_info, Status::need_info},
    {Status::assigned, WorkflowAction::forward, Status::assigned},
    {Status::assigned, WorkflowAction::reassign, Status::assigned},
    {Status::assigned, WorkflowAction::merge, Status::closed},

    {Status::in_progress, WorkflowAction::resolve, Status::resolved},
    {Status::in_progress, WorkflowAction::ask_info, Status::need_info},
    {Status::in_progress, WorkflowAction::forward, Status::in_progress},
    {Status::in_progress, WorkflowAction::reassign, Status::in_progress},
    {Status::in_progress, WorkflowAction::merge, Status::closed},

    // A silent reporter must not keep a report open forever: while no unit has accepted it, the
    // verifier may archive it (typically not_enough_information).
    {Status::need_info, WorkflowAction::info_received, std::nullopt},
    {Status::need_info, WorkflowAction::reject, Status::rejected, Guard::not_yet_accepted},
    {Status::need_info, WorkflowAction::merge, Status::closed},

    {Status::resolved, WorkflowAction::confirm, Status::closed},
    {Status::resolved, WorkflowAction::dispute, Status::reopened, Guard::dispute_window_open},
    {Status::resolved, WorkflowAction::close_silently, Status::closed, Guard::dispute_window_closed},

    // Reopened stays with the unit that resolved it, which takes the work up again.
    {Status::reopened, WorkflowAction::start, Status::in_progress},
    {Status::reopened, WorkflowAction::forward, Status::reopened},
    {Status::reopened, WorkflowAction::reassign, Status::reopened},
    {Status::reopened, WorkflowAction::merge, Status::closed},
};

// The statuses need_info may have been entered from, so the ones info_received may return to.
constexpr std::array<Status, 3> kNeedInfoOrigins{Status::verified, Status::assigned, Status::in_progress};

constexpr bool is_need_info_origin(Status status) {
  for (auto origin : kNeedInfoOrigins) {
    if (origin == status) return true;
  }
  return false;
}

// Built by appending: GCC 12 at -O3 warns falsely (-Wrestrict) about "'" + std::string(...).
std::string quoted(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '\'';
  out += name;
  out += '\'';
  return out;
}

std::string joined(const std::vector<WorkflowAction>& actions) {
  std::string out;
  for (auto action : actions) {
    if (!out.empty()) out += ", ";
    out += to_string(action);
  }
  return out;
}

Error not_allowed(Status from, WorkflowAction action) {
  auto status = quoted(to_string(from));
  auto tried = quoted(to_string(action));
  auto allowed = allowed_actions(from);
  if (allowed.empty()) {
    return Error(ErrorCode::conflict,
                 Text{"Aduan berstatus " + status + "; " + tried + " tidak bisa dilakukan. Tidak ada tindakan lain.",
                      "The complaint is " + status + "; " + tried + " is not possible. Nothing more can be done."});
  }
  auto list = joined(allowed);
  return Error(
      ErrorCode::conflict,
      Text{"Aduan berstatus " + status + "; " + tried + " tidak bisa dilakukan. Yang bisa dilakukan: " + list + ".",
           "The complaint is " + status + "; " + tried + " is not possible. What can be done: " + list + "."});
}

Error guard_failed(Guard guard) {
  switch (guard) {
    case Guard::dispute_window_open:
      return Error(ErrorCode::conflict,
                   Text{"Masa sanggah sudah lewat: penyelesaian hanya bisa disanggah dalam 10 hari kerja.",
                        "The dispute window has passed: a resolution can only be disputed within 10 working "
                        "days."});
    case Guard::dispute_window_closed:
      return Error(ErrorCode::conflict,
                   Text{"Aduan belum bisa ditutup otomatis: pelapor masih bisa menyanggah dalam 10 hari kerja.",
                        "The complaint cannot close by itself yet: the reporter may still dispute within 10 "
                        "working days."});
    case Guard::not_yet_accepted:
      return Error(ErrorCode::conflict,
                   Text{"Aduan sudah diterima unit yang menangani, sehingga tidak bisa diarsipkan lagi.",
                        "A handling unit has already accepted the complaint, so it can no longer be archived."});
    case Guard::none:
      break;
  }
  return Error::internal("workflow: guard_failed called without a guard");
}

bool guard_holds(Guard guard, const TransitionContext& context) {
  switch (guard) {
    case Guard::none:
      return true;
    case Guard::dispute_window_open:
      return context.dispute_window_open;
    case Guard::dispute_window_closed:
      return !context.dispute_window_open;
    case Guard::not_yet_accepted:
      return context.status_before_need_info == Status::verified;
  }
  return false;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return names[0].second;
}

template <typename Enum, std::size_t N>
Result<Enum> parse(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view text,
                   std::string_view field, const Text& what) {
  std::string list;
  for (const auto& [value, name] : names) {
    if (name == text) return value;
    if (!list.empty()) list += ", ";
    list += name;
  }
  return Error(ErrorCode::validation, what,
               {FieldError{std::string(field), Text{"Pilih salah satu: " + list + ".", "Use one of: " + list + "."}}});
}

}  // namespace

Result<Status> apply(Status from, WorkflowAction action, const TransitionContext& context) {
  for (const auto& row : kTransitions) {
    if (row.from != from || row.action != action) continue;
    if (!guard_holds(row.guard, context)) return guard_failed(row.guard);
    if (row.to) return *row.to;
    if (!context.status_before_need_info || !is_need_info_origin(*context.status_before_need_info)) {
      return Error::internal("workflow: info_received without a valid status_before_need_info");
    }
    return *context.status_before_need_info;
  }
  return not_allowed(from, action);
}

std::vector<WorkflowAction> allowed_actions(Status status) {
  std::vector<WorkflowAction> actions;
  for (const auto& row : kTransitions) {
    if (row.from == status) actions.push_back(row.action);
  }
  return actions;
}

bool is_terminal(Status status) { return status == Status::closed || status == Status::rejected; }

bool needs_reason(WorkflowAction action) {
  switch (action) {
    case WorkflowAction::reject:
    case WorkflowAction::forward:
    case WorkflowAction::ask_info:
    case WorkflowAction::dispute:
    case WorkflowAction::reassign:
    case WorkflowAction::resolve:
      return true;
    case WorkflowAction::verify:
    case WorkflowAction::assign:
    case WorkflowAction::start:
    case WorkflowAction::info_received:
    case WorkflowAction::confirm:
    case WorkflowAction::close_silently:
    case WorkflowAction::merge:
      return false;
  }
  return false;
}

bool changes_unit(WorkflowAction action) {
  return action == WorkflowAction::forward || action == WorkflowAction::reassign;
}

std::string_view to_string(Status status) { return name_of(kStatusNames, status); }
std::string_view to_string(WorkflowAction action) { return name_of(kActionNames, action); }
std::string_view to_string(RejectReason reason) { return name_of(kReasonNames, reason); }

Result<Status> status_from_string(std::string_view text, std::string_view field) {
  return parse(kStatusNames, text, field, Text{"Status aduan tidak dikenal.", "Unknown complaint status."});
}

Result<WorkflowAction> workflow_action_from_string(std::string_view text, std::string_view field) {
  return parse(kActionNames, text, field, Text{"Tindakan tidak dikenal.", "Unknown action."});
}

Result<RejectReason> reject_reason_from_string(std::string_view text, std::string_view field) {
  return parse(kReasonNames, text, field, Text{"Alasan pengarsipan tidak dikenal.", "Unknown reason for archiving."});
}

}  // namespace sigap::domain::complaints
