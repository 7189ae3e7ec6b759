#include "app/complaints/merge_cases.hpp"

#include <boost/json.hpp>

#include "app/complaints/case_access.hpp"
#include "app/complaints/case_change.hpp"
#include "common/time_format.hpp"
#include "domain/complaints/public_code.hpp"
#include "domain/complaints/workflow.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;
namespace da = domain::access;

Result<dc::Complaint> find_merge_master(ports::Storage& storage, const da::Actor& actor, const dc::Complaint& merged,
                                        const std::string& master_code) {
  auto unknown = [] {
    return case_field_problem("merge_into", Text{"Aduan induk tidak ditemukan.", "No such master case."});
  };
  if (master_code.empty()) {
    return case_field_problem("merge_into", Text{"Sebutkan kode aduan induk.", "Name the master case by its code."});
  }
  auto code = dc::parse_public_code(master_code, "merge_into");
  if (!code) return code.error();
  auto found = storage.complaints().find_public_by_code(*code);
  if (!found) return found.error();
  if (!found->has_value()) return unknown();
  auto master = load_case(storage, actor, (*found)->id, da::Action::work_case);
  if (!master) {
    if (master.error().code() == ErrorCode::not_found) return unknown();
    return master.error();
  }
  if (master->id == merged.id) {
    return case_field_problem("merge_into", Text{"Aduan tidak dapat digabung ke dirinya sendiri.",
                                                 "A case cannot be merged into itself."});
  }
  if (master->merged_into_id || dc::is_terminal(master->status)) {
    return case_field_problem("merge_into", Text{"Aduan induk sudah selesai atau sudah digabung ke aduan lain.",
                                                 "The master case is over or merged into another."});
  }
  return master;
}

Result<void> record_merge_on_master(ports::Transaction& tx, const dc::Complaint& master, const dc::Complaint& merged,
                                    const std::string& actor, TimePoint at) {
  auto counted = tx.complaints().add_support(master.id, "case:" + std::to_string(merged.id), at);
  if (!counted) return counted.error();
  dc::ComplaintEvent event;
  event.complaint_id = master.id;
  event.at = at;
  event.actor = actor;
  event.type = "merge_received";
  event.is_public = true;
  event.detail = "Aduan " + merged.public_code + " digabungkan ke aduan ini.";
  auto payload = boost::json::serialize(boost::json::object{{"type", "complaint.merge_received"},
                                                            {"complaint_id", master.id},
                                                            {"code", master.public_code},
                                                            {"merged_code", merged.public_code},
                                                            {"merged_id", merged.id},
                                                            {"at", format_utc(at)}});
  auto appended = tx.complaints().append_event(event, payload);
  if (!appended) return appended.error();
  return {};
}

}  // namespace sigap::app::complaints
