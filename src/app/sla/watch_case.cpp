#include "app/sla/watch_case.hpp"

#include <fmt/format.h>

#include "app/complaints/case_change.hpp"
#include "app/dashboard/refresh_figures.hpp"
#include "app/sla/case_sla.hpp"
#include "common/time_format.hpp"
#include "domain/complaints/sla_clock.hpp"
#include "domain/complaints/workflow.hpp"
#include "domain/sla/escalation.hpp"

namespace sigap::app::sla {

namespace dc = domain::complaints;
namespace ds = domain::sla;

namespace {

std::string_view stage_label(std::string_view target) {
  if (target == "verify") return "verifikasi";
  if (target == "first_response") return "tanggapan pertama";
  return "penyelesaian";
}

dc::ComplaintEvent system_event(const dc::Complaint& complaint, TimePoint now, std::string type, bool is_public,
                                std::string detail) {
  dc::ComplaintEvent event;
  event.complaint_id = complaint.id;
  event.at = now;
  event.actor = "system";
  event.channel = dc::Channel::web;
  event.type = std::move(type);
  event.is_public = is_public;
  event.detail = std::move(detail);
  return event;
}

// Whom a level addresses, in words for the timeline: the holding unit's supervisor, or the
// parent unit (leadership when the unit has none).
std::string addressee(const dc::Complaint& complaint, const std::optional<domain::master_data::Unit>& unit,
                      ds::SlaLevel level) {
  if (level == ds::SlaLevel::escalated_supervisor) return "supervisor unit " + complaint.unit_code;
  if (unit && !unit->parent_code.empty()) return "unit induk " + unit->parent_code;
  return "pimpinan (unit " + complaint.unit_code + " tidak memiliki unit induk)";
}

Result<WatchOutcome> stale_or(Result<void> written, WatchOutcome done) {
  if (written) return done;
  if (written.error().code() == ErrorCode::precondition_failed) return WatchOutcome::stale;
  return written.error();
}

}  // namespace

Result<WatchOutcome> watch_case(ports::Storage& storage, SlaRules& rules, TimePoint now, std::int64_t id) {
  auto found = storage.complaints().find_by_id(id);
  if (!found) return found.error();
  if (!found->has_value()) return WatchOutcome::nothing_due;
  auto complaint = std::move(**found);
  auto inputs = read_case_sla_inputs(storage, rules, id, complaint.unit_code);
  if (!inputs) return inputs.error();
  const auto expected_version = complaint.version;

  // The dispute window passed in silence: the case closes by itself.
  if (complaint.status == dc::Status::resolved && complaint.resolved_at && inputs->unit) {
    auto closes = dispute_window_closes(*complaint.resolved_at, inputs->book->calendar, *inputs->unit);
    if (closes && now > *closes) {
      dc::TransitionContext context;
      context.dispute_window_open = false;
      auto next = dc::apply(complaint.status, dc::WorkflowAction::close_silently, context);
      if (!next) return next.error();
      auto event = system_event(complaint, now, std::string(dc::to_string(dc::WorkflowAction::close_silently)), true,
                                "Ditutup otomatis: pelapor tidak menanggapi penyelesaian dalam 10 hari kerja.");
      event.from_status = complaint.status;
      event.to_status = *next;
      complaint.status = *next;
      complaint.updated_at = now;
      auto closed = storage.write([&](ports::Transaction& tx) {
        return complaints::commit_case_change(tx, complaint, expected_version, event, *inputs);
      });
      return stale_or(closed, WatchOutcome::closed);
    }
  }

  auto probe = complaint;
  auto clock = recompute_case_sla(probe, *inputs, nullptr, now);
  if (!clock.level_due || *clock.level_due <= probe.sla_level) {
    // Nothing to announce: keep the deadlines current and set the next look.
    auto rescheduled = storage.write([&](ports::Transaction& tx) -> Result<void> {
      auto version = expected_version;
      if (clock.changed) {
        if (auto updated = tx.complaints().update_state(probe, version); !updated) return updated;
        ++version;
        // No event tells of this change: the dashboard figures follow it here.
        if (auto refreshed = dashboard::refresh_cases(tx, {probe.id}); !refreshed) return refreshed.error();
      }
      return store_case_sla(tx, probe, clock, now, version);
    });
    return stale_or(rescheduled, WatchOutcome::nothing_due);
  }

  const auto level = static_cast<ds::SlaLevel>(*clock.level_due);
  const auto label = stage_label(probe.sla_target);
  const auto due = probe.due_at ? format_utc(*probe.due_at) : std::string("-");
  dc::ComplaintEvent event;
  if (level == ds::SlaLevel::warned) {
    event = system_event(complaint, now, "sla_warning", false,
                         fmt::format("75% waktu {} telah terpakai; tenggat {}.", label, due));
  } else {
    event = system_event(complaint, now, "sla_escalated", false,
                         fmt::format("Tenggat {} ({}) terlewati; dieskalasi ke {}.", label, due,
                                     addressee(complaint, inputs->unit, level)));
  }
  complaint.sla_level = *clock.level_due;
  complaint.updated_at = now;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto committed = complaints::commit_case_change(tx, complaint, expected_version, event, *inputs); !committed) {
      return committed;
    }
    if (level == ds::SlaLevel::warned) return {};
    ports::Alert alert;
    const bool parent = level == ds::SlaLevel::escalated_parent;
    alert.kind = parent ? "sla_parent_escalation" : "sla_breach";
    alert.severity = parent ? "critical" : "warning";
    alert.unit_code =
        parent && inputs->unit && !inputs->unit->parent_code.empty() ? inputs->unit->parent_code : complaint.unit_code;
    alert.subject = fmt::format("complaint:{}", complaint.id);
    alert.message =
        fmt::format("Aduan {} melewati tenggat {} ({}) di unit {}; dieskalasi ke {}.", complaint.public_code, label,
                    due, complaint.unit_code, addressee(complaint, inputs->unit, level));
    alert.created_at = now;
    auto raised = tx.sla().raise_alert(alert);
    if (!raised) return raised.error();
    return {};
  });
  return stale_or(written, level == ds::SlaLevel::warned ? WatchOutcome::warned : WatchOutcome::escalated);
}

}  // namespace sigap::app::sla
