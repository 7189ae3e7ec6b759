#include "app/complaints/support_case.hpp"

#include <boost/json.hpp>

#include "app/complaints/reporter_access.hpp"
#include "common/time_format.hpp"
#include "domain/complaints/workflow.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;

Result<Support> support_case(ports::Storage& storage, const Clock& clock, std::string_view typed_code,
                             const std::string& supporter) {
  auto found = find_by_public_code(storage, typed_code);
  if (!found) return found.error();
  auto complaint = std::move(*found);
  if (complaint.merged_into_id) {  // support goes where the work is done
    auto master = storage.complaints().find_by_id(*complaint.merged_into_id);
    if (!master) return master.error();
    if (master->has_value()) complaint = std::move(**master);
  }
  if (complaint.confidential) {
    return Error(ErrorCode::not_found, Text{"Tidak ada aduan dengan kode itu.", "No complaint has that code."});
  }
  if (dc::is_terminal(complaint.status)) {
    return Error(ErrorCode::conflict, Text{"Aduan ini sudah selesai dan tidak menerima dukungan lagi.",
                                           "This case is over and takes no more support."});
  }
  auto now = clock.now();
  bool counted = false;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    auto added = tx.complaints().add_support(complaint.id, supporter, now);
    if (!added) return added.error();
    counted = *added;
    if (!counted) return {};
    // On the staff timeline (not public: a busy case would drown its story in "+1"s).
    dc::ComplaintEvent event;
    event.complaint_id = complaint.id;
    event.at = now;
    event.actor = supporter.starts_with("user:") ? supporter : "citizen";
    event.type = "supported";
    event.is_public = false;
    event.detail = "Warga lain mengalami hal yang sama (+1).";
    auto payload = boost::json::serialize(boost::json::object{{"type", "complaint.supported"},
                                                              {"complaint_id", complaint.id},
                                                              {"code", complaint.public_code},
                                                              {"supporters", complaint.support_count + 1},
                                                              {"at", format_utc(now)}});
    auto appended = tx.complaints().append_event(event, payload);
    if (!appended) return appended.error();
    return {};
  });
  if (!written) return written.error();
  auto now_counted = storage.complaints().find_by_id(complaint.id);  // others may have joined meanwhile
  if (!now_counted) return now_counted.error();
  int supporters = now_counted->has_value() ? (*now_counted)->support_count : complaint.support_count;
  return Support{complaint.public_code, supporters, counted};
}

}  // namespace sigap::app::complaints
