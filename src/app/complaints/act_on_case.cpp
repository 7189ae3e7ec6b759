#include "app/complaints/act_on_case.hpp"

#include "app/audit/record_audit.hpp"
#include "app/complaints/case_access.hpp"
#include "app/complaints/case_change.hpp"
#include "app/complaints/case_photos.hpp"
#include "app/complaints/correct_category.hpp"
#include "app/complaints/merge_cases.hpp"
#include "domain/complaints/routing.hpp"
#include "domain/complaints/workflow.hpp"

namespace sigap::app::complaints {

namespace da = domain::access;
namespace dc = domain::complaints;

namespace {

// Units that held the case, in order: the first holder, then each unit it was handed to.
std::vector<std::string> holders(const std::vector<dc::ComplaintEvent>& events, const std::string& current_unit) {
  std::vector<std::string> history;
  for (const auto& event : events) {
    if (event.to_unit.empty()) continue;
    if (history.empty()) history.push_back(event.from_unit);
    history.push_back(event.to_unit);
  }
  if (history.empty()) history.push_back(current_unit);
  return history;
}

}  // namespace

Result<dc::Complaint> act_on_case(ports::Storage& storage, const Clock& clock, sla::SlaRules& sla_rules,
                                  const da::Actor& actor, std::int64_t id, const CaseAction& request) {
  // Out of scope first (404, like a case that does not exist), then what was asked.
  auto loaded = load_case(storage, actor, id, da::Action::read_case);
  if (!loaded) return loaded.error();
  auto complaint = std::move(*loaded);
  auto action = dc::workflow_action_from_string(request.action, "action");
  if (!action) return action.error();
  auto permission = *action == dc::WorkflowAction::reassign ? da::Action::reassign_case : da::Action::work_case;
  auto resource = case_resource(storage, complaint.unit_code);
  if (!resource) return resource.error();
  if (da::can(actor, permission, *resource) != da::Decision::allow) {
    return Error(ErrorCode::forbidden, Text{"Anda tidak berwenang melakukan ini pada aduan ini.",
                                            "You are not allowed to do this on this case."});
  }
  if (request.expected_version && *request.expected_version != complaint.version) {
    return Error(ErrorCode::precondition_failed, Text{"Aduan ini sudah diubah orang lain. Muat ulang lalu coba lagi.",
                                                      "Someone else changed this case first. Reload and try again."});
  }
  if (dc::needs_reason(*action) && request.reason.empty()) {
    return case_field_problem("reason", Text{"Tindakan ini membutuhkan alasan.", "This action needs a reason."});
  }
  std::string detail = request.reason;
  if (*action == dc::WorkflowAction::reject) {
    auto why = dc::reject_reason_from_string(request.reject_reason, "reject_reason");
    if (!why) return why.error();
    detail = std::string(dc::to_string(*why)) + (request.reason.empty() ? "" : ": " + request.reason);
  }
  dc::TransitionContext context;
  context.status_before_need_info = complaint.status_before_need_info;
  auto next = dc::apply(complaint.status, *action, context);
  if (!next) return next.error();
  std::optional<dc::Complaint> master;
  if (*action == dc::WorkflowAction::merge) {
    auto found = find_merge_master(storage, actor, complaint, request.merge_into);
    if (!found) return found.error();
    master = std::move(*found);
    complaint.merged_into_id = master->id;
    detail = "Digabung ke aduan " + master->public_code + (request.reason.empty() ? "" : ": " + request.reason);
  }
  if (*action == dc::WorkflowAction::resolve) {
    if (auto evidence = check_resolution_evidence(storage, complaint); !evidence) return evidence.error();
  }

  auto from_status = complaint.status;
  auto from_unit = complaint.unit_code;
  bool flag_for_triage = false;
  if (!request.category_code.empty() && request.category_code != complaint.category_code) {
    if (*action != dc::WorkflowAction::verify) {
      return case_field_problem("category_code", Text{"Kategori hanya dikoreksi saat verifikasi.",
                                                      "The category is corrected when verifying only."});
    }
    if (auto corrected = correct_category(storage, complaint, request.category_code); !corrected) {
      return corrected.error();
    }
    detail = "Kategori: " + complaint.category_code + (detail.empty() ? "" : ". " + detail);
  }
  if (dc::changes_unit(*action)) {
    if (request.unit_code.empty()) {
      return case_field_problem("unit_code", Text{"Pilih unit tujuan.", "Choose the unit that takes the case."});
    }
    auto target = storage.units().find_by_code(request.unit_code);
    if (!target) return target.error();
    if (!target->has_value()) return case_field_problem("unit_code", Text{"Unit tidak ditemukan.", "No such unit."});
    if (request.unit_code == complaint.unit_code) {
      return case_field_problem("unit_code", Text{"Aduan sudah ada di unit itu.", "The case is already with that unit."});
    }
    auto events = storage.complaints().events(id, false);
    if (!events) return events.error();
    auto history = holders(*events, complaint.unit_code);
    history.push_back(request.unit_code);
    flag_for_triage = dc::bounced_too_often(history);
    complaint.unit_code = request.unit_code;
  }
  if (*action == dc::WorkflowAction::ask_info) complaint.status_before_need_info = complaint.status;
  if (*action == dc::WorkflowAction::info_received) complaint.status_before_need_info.reset();
  complaint.status = *next;
  auto now = clock.now();
  complaint.updated_at = now;
  auto expected_version = complaint.version;
  auto actor_name = audit::audit_name(actor);
  auto sla_inputs = sla::read_case_sla_inputs(storage, sla_rules, id, complaint.unit_code);
  if (!sla_inputs) return sla_inputs.error();

  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    dc::ComplaintEvent event;
    event.complaint_id = id;
    event.at = now;
    event.actor = actor_name;
    event.channel = dc::Channel::web;
    event.type = dc::changes_unit(*action) ? (*action == dc::WorkflowAction::forward ? "forwarded" : "reassigned")
                                           : std::string(dc::to_string(*action));
    event.is_public = true;
    event.from_status = from_status;
    event.to_status = complaint.status;
    event.detail = detail;
    if (complaint.unit_code != from_unit) {
      event.from_unit = from_unit;
      event.to_unit = complaint.unit_code;
    }
    if (auto committed = commit_case_change(tx, complaint, expected_version, event, *sla_inputs); !committed) {
      return committed;
    }
    if (master) {
      if (auto merged = record_merge_on_master(tx, *master, complaint, actor_name, now); !merged) return merged;
    }
    if (flag_for_triage) {
      dc::ComplaintEvent flag = event;
      flag.type = "flagged_for_triage";
      flag.is_public = false;
      flag.from_status.reset();
      flag.to_status.reset();
      flag.from_unit.clear();
      flag.to_unit.clear();
      flag.detail = "Diteruskan bolak-balik lebih dari 3 kali.";
      if (auto appended = tx.complaints().append_event(flag, "{\"type\":\"complaint.flagged_for_triage\"}"); !appended) {
        return appended.error();
      }
    }
    return {};
  });
  if (!written) return written.error();
  complaint.version = expected_version + 1;
  return complaint;
}

}  // namespace sigap::app::complaints
