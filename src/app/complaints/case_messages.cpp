#include "app/complaints/case_messages.hpp"

#include "app/audit/record_audit.hpp"
#include "app/complaints/case_access.hpp"
#include "app/complaints/case_change.hpp"
#include "domain/complaints/intake.hpp"
#include "domain/complaints/workflow.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;
namespace da = domain::access;

Result<dc::ComplaintEvent> post_case_message(ports::Storage& storage, const Clock& clock, sla::SlaRules& sla_rules,
                                             const da::Actor& actor, std::int64_t id, const CaseMessage& message) {
  auto loaded = load_case(storage, actor, id, da::Action::work_case);
  if (!loaded) return loaded.error();
  auto complaint = std::move(*loaded);
  bool reply = message.kind == "reply";
  if (!reply && message.kind != "note") {
    return case_field_problem("kind", Text{"Pilih reply (balasan publik) atau note (catatan internal).",
                                           "Use reply (public) or note (internal)."});
  }
  auto length = dc::utf8_length(message.text);
  if (!length || *length == 0 || *length > dc::kMaxDescription) {
    return case_field_problem("text", Text{"Tulis pesan 1 sampai 5000 karakter.", "Write 1 to 5000 characters."});
  }
  if (message.expected_version && *message.expected_version != complaint.version) {
    return Error(ErrorCode::precondition_failed, Text{"Aduan ini sudah diubah orang lain. Muat ulang lalu coba lagi.",
                                                      "Someone else changed this case first. Reload and try again."});
  }
  if (reply && dc::is_terminal(complaint.status)) {
    return Error(ErrorCode::conflict, Text{"Aduan sudah selesai; balasan publik tidak dikirim lagi. Tulis catatan internal.",
                                           "The case is over; no more public replies. Write an internal note."});
  }
  auto now = clock.now();
  dc::ComplaintEvent event;
  event.complaint_id = id;
  event.at = now;
  event.actor = audit::audit_name(actor);
  event.channel = dc::Channel::web;
  event.type = reply ? "reply" : "note";
  event.is_public = reply;
  event.detail = message.text;
  auto expected_version = complaint.version;
  auto sla_inputs = sla::read_case_sla_inputs(storage, sla_rules, id, complaint.unit_code);
  if (!sla_inputs) return sla_inputs.error();
  complaint.updated_at = now;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    return commit_case_change(tx, complaint, expected_version, event, *sla_inputs);
  });
  if (!written) return written.error();
  return event;
}

}  // namespace sigap::app::complaints
