#include "app/complaints/reporter_actions.hpp"

#include "app/complaints/case_change.hpp"
#include "crypto/hashing.hpp"
#include "domain/complaints/intake.hpp"
#include "domain/complaints/public_code.hpp"
#include "domain/complaints/workflow.hpp"
#include "domain/sla/deadline.hpp"
#include "domain/sla/time_zone.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;
namespace sla = domain::sla;

namespace {

// Whether the dispute window (10 working days from the resolution) is still open at `now`.
Result<bool> dispute_window_open(ports::Storage& storage, const dc::Complaint& complaint,
                                 const sla::WorkingCalendar& calendar, TimePoint now) {
  auto events = storage.complaints().events(complaint.id, false);
  if (!events) return events.error();
  std::optional<TimePoint> resolved_at;
  for (const auto& event : *events) {
    if (event.to_status == dc::Status::resolved) resolved_at = event.at;
  }
  if (!resolved_at) return false;
  auto unit = storage.units().find_by_code(complaint.unit_code);
  if (!unit) return unit.error();
  if (!unit->has_value()) return true;
  auto zone = sla::time_zone_from_name((*unit)->time_zone);
  auto closes = sla::deadline(*resolved_at, sla::SlaTarget::working_days(dc::kDisputeWindowWorkingDays), calendar,
                              (*unit)->service_hours, zone ? *zone : sla::UnitTimeZone::wib);
  if (!closes) return true;  // no calendar for that year yet: the reporter keeps the right
  return now <= *closes;
}

}  // namespace

Result<dc::Complaint> act_as_reporter(ports::Storage& storage, const Clock& clock,
                                      const sla::WorkingCalendar& calendar, const ReporterAction& request) {
  auto code = dc::parse_public_code(request.code, "code");
  if (!code) return code.error();
  auto found = storage.complaints().find_by_code(*code);
  if (!found) return found.error();
  if (!found->has_value()) {
    return Error(ErrorCode::not_found, Text{"Tidak ada aduan dengan kode itu.", "No complaint has that code."});
  }
  auto complaint = std::move(**found);
  if (request.secret.empty() ||
      !crypto::constant_time_equal(crypto::sha256_hex(request.secret), complaint.reporter_secret_hash)) {
    return Error(ErrorCode::forbidden, Text{"Kode rahasia pelapor salah.", "The reporter secret is wrong."});
  }
  auto now = clock.now();
  auto length = dc::utf8_length(request.message);
  if (!length || *length > dc::kMaxDescription) {
    return case_field_problem("message", Text{"Pesan paling banyak 5000 karakter.", "A message takes at most 5000 characters."});
  }
  auto from_status = complaint.status;
  std::string type;
  dc::TransitionContext context;
  context.status_before_need_info = complaint.status_before_need_info;
  if (request.action == "reply") {
    if (request.message.empty()) return case_field_problem("message", Text{"Tulis pesannya.", "Write the message."});
    type = "reporter_reply";
    if (complaint.status == dc::Status::need_info) {
      auto next = dc::apply(complaint.status, dc::WorkflowAction::info_received, context);
      if (!next) return next.error();
      complaint.status = *next;
      complaint.status_before_need_info.reset();
    } else if (dc::is_terminal(complaint.status)) {
      return Error(ErrorCode::conflict, Text{"Aduan sudah selesai; balasan tidak diterima lagi.",
                                             "The case is over; replies are no longer taken."});
    }
  } else if (request.action == "confirm") {
    if (!request.rating || *request.rating < 1 || *request.rating > 5) {
      return case_field_problem("rating", Text{"Beri nilai 1 sampai 5.", "Rate from 1 to 5."});
    }
    auto next = dc::apply(complaint.status, dc::WorkflowAction::confirm, context);
    if (!next) return next.error();
    complaint.status = *next;
    complaint.rating = *request.rating;
    complaint.rating_comment = request.message;
    type = "confirmed";
  } else if (request.action == "dispute") {
    if (request.message.empty()) {
      return case_field_problem("message", Text{"Jelaskan mengapa belum selesai.", "Say why it is not fixed."});
    }
    auto open = dispute_window_open(storage, complaint, calendar, now);
    if (!open) return open.error();
    context.dispute_window_open = *open;
    auto next = dc::apply(complaint.status, dc::WorkflowAction::dispute, context);
    if (!next) return next.error();
    complaint.status = *next;
    type = "disputed";
  } else {
    return case_field_problem("action", Text{"Pilih reply, confirm atau dispute.", "Use reply, confirm or dispute."});
  }
  complaint.updated_at = now;
  auto expected_version = complaint.version;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    dc::ComplaintEvent event;
    event.complaint_id = complaint.id;
    event.at = now;
    event.actor = "reporter";
    event.channel = dc::Channel::web;
    event.type = type;
    event.is_public = true;
    event.from_status = from_status;
    event.to_status = complaint.status;
    event.detail = type == "confirmed" ? "Nilai " + std::to_string(*complaint.rating) + "/5" : request.message;
    return commit_case_change(tx, complaint, expected_version, event);
  });
  if (!written) return written.error();
  complaint.version = expected_version + 1;
  return complaint;
}

}  // namespace sigap::app::complaints
