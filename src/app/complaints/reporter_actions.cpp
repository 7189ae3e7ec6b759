#include "app/complaints/reporter_actions.hpp"

#include "app/complaints/case_change.hpp"
#include "app/complaints/case_photos.hpp"
#include "app/complaints/reporter_access.hpp"
#include "crypto/hashing.hpp"
#include "domain/complaints/intake.hpp"
#include "domain/complaints/public_code.hpp"
#include "domain/complaints/workflow.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;

namespace {

// Whether the dispute window (10 working days from the resolution) is still open at `now`.
bool dispute_window_open(const dc::Complaint& complaint, const app::sla::CaseSlaInputs& inputs, TimePoint now) {
  if (!complaint.resolved_at) return false;
  if (!inputs.unit) return true;
  auto closes = app::sla::dispute_window_closes(*complaint.resolved_at, inputs.book->calendar, *inputs.unit);
  if (!closes) return true;  // no calendar for that year yet: the reporter keeps the right
  return now <= *closes;
}

}  // namespace

Result<dc::Complaint> act_as_reporter(ports::Storage& storage, const Clock& clock, app::sla::SlaRules& sla_rules,
                                      const ReporterAction& request) {
  auto loaded = load_as_reporter(storage, request.code, request.secret);
  if (!loaded) return loaded.error();
  return act_on_own_case(storage, clock, sla_rules, std::move(*loaded), request, {});
}

Result<dc::Complaint> act_on_own_case(ports::Storage& storage, const Clock& clock, app::sla::SlaRules& sla_rules,
                                      dc::Complaint complaint, const ReporterAction& request,
                                      const ReporterActionExtras& extras) {
  auto sla_inputs = app::sla::read_case_sla_inputs(storage, sla_rules, complaint.id, complaint.unit_code);
  if (!sla_inputs) return sla_inputs.error();
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
    context.dispute_window_open = dispute_window_open(complaint, *sla_inputs, now);
    auto next = dc::apply(complaint.status, dc::WorkflowAction::dispute, context);
    if (!next) return next.error();
    complaint.status = *next;
    type = "disputed";
  } else {
    return case_field_problem("action", Text{"Pilih reply, confirm atau dispute.", "Use reply, confirm or dispute."});
  }
  std::size_t existing_photos = 0;
  if (!extras.photos.empty()) {
    auto existing = storage.complaints().photos(complaint.id);
    if (!existing) return existing.error();
    existing_photos = existing->size();
    if (existing_photos + extras.photos.size() > kMaxPhotosPerCase) {
      return case_field_problem("photos", Text{"Satu aduan paling banyak 20 foto.", "A case holds at most 20 photos."});
    }
  }
  complaint.updated_at = now;
  auto expected_version = complaint.version;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    dc::ComplaintEvent event;
    event.complaint_id = complaint.id;
    event.at = now;
    event.actor = "reporter";
    event.channel = extras.channel;
    event.type = type;
    event.is_public = true;
    event.from_status = from_status;
    event.to_status = complaint.status;
    event.detail = type == "confirmed" ? "Nilai " + std::to_string(*complaint.rating) + "/5" : request.message;
    if (auto committed = commit_case_change(tx, complaint, expected_version, event, *sla_inputs); !committed) {
      return committed;
    }
    if (!extras.photos.empty()) {
      auto added = append_case_photos(tx, complaint, {"reporter", "reporter", extras.photos}, existing_photos, now);
      if (!added) return added;
    }
    if (!extras.idempotency_key.empty()) {
      return tx.complaints().remember_answer(extras.idempotency_key, {extras.idempotency_key, complaint.id, type}, now);
    }
    return {};
  });
  if (!written) return written.error();
  complaint.version = expected_version + 1;
  return complaint;
}

}  // namespace sigap::app::complaints
