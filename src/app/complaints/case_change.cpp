#include "app/complaints/case_change.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "domain/complaints/milestones.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;

Result<void> commit_case_change(ports::Transaction& tx, dc::Complaint& complaint,
                                std::int64_t expected_version, const dc::ComplaintEvent& event,
                                const sla::CaseSlaInputs& sla_inputs) {
  dc::record_milestones(complaint, event);
  auto clock = sla::recompute_case_sla(complaint, sla_inputs, &event, event.at);
  if (auto updated = tx.complaints().update_state(complaint, expected_version); !updated) return updated;
  if (auto stored = sla::store_case_sla(tx, complaint, clock, event.at, expected_version + 1); !stored) return stored;
  auto payload = boost::json::serialize(boost::json::object{{"type", "complaint." + event.type},
                                                            {"complaint_id", complaint.id},
                                                            {"code", complaint.public_code},
                                                            {"status", dc::to_string(complaint.status)},
                                                            {"unit", complaint.unit_code},
                                                            {"at", format_utc(event.at)}});
  if (auto appended = tx.complaints().append_event(event, payload); !appended) return appended.error();
  return {};
}

Error case_field_problem(std::string field, Text message) {
  return Error(ErrorCode::validation, Text{"Tindakan tidak dapat dilakukan.", "The action cannot be taken."},
               {FieldError{std::move(field), std::move(message)}});
}

}  // namespace sigap::app::complaints
