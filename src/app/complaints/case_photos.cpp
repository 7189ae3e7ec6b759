#include "app/complaints/case_photos.hpp"

#include <boost/json.hpp>

#include "app/complaints/case_change.hpp"
#include "common/time_format.hpp"
#include "domain/complaints/workflow.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;

Result<void> append_case_photos(ports::Transaction& tx, const dc::Complaint& complaint, const PhotoAddition& addition,
                                std::size_t existing, TimePoint now) {
  bool after = addition.kind == "after";
  auto position = static_cast<int>(existing);
  for (const auto& stored : addition.photos) {
    ports::CasePhoto photo;
    static_cast<ports::StoredPhoto&>(photo) = stored;
    photo.kind = addition.kind;
    photo.added_by = addition.added_by;
    photo.added_at = now;
    if (auto added = tx.complaints().add_photo(complaint.id, ++position, photo); !added) return added;
  }
  dc::ComplaintEvent event;
  event.complaint_id = complaint.id;
  event.at = now;
  event.actor = addition.added_by;
  event.type = after ? "after_photo_added" : "photos_added";
  event.is_public = true;
  event.detail = std::to_string(addition.photos.size()) + (after ? " foto hasil pekerjaan" : " foto tambahan");
  auto payload = boost::json::serialize(boost::json::object{{"type", "complaint." + event.type},
                                                            {"complaint_id", complaint.id},
                                                            {"code", complaint.public_code},
                                                            {"photos", addition.photos.size()},
                                                            {"at", format_utc(now)}});
  auto appended = tx.complaints().append_event(event, payload);
  if (!appended) return appended.error();
  return {};
}

Result<std::size_t> add_case_photos(ports::Storage& storage, const Clock& clock, const dc::Complaint& complaint,
                                    const PhotoAddition& addition) {
  if (addition.photos.empty()) {
    return case_field_problem("photos", Text{"Lampirkan minimal satu foto.", "Attach at least one photo."});
  }
  bool after = addition.kind == "after";
  if (!after && dc::is_terminal(complaint.status)) {
    return Error(ErrorCode::conflict, Text{"Aduan sudah selesai; foto tidak diterima lagi.",
                                           "The case is over; photos are no longer taken."});
  }
  auto existing = storage.complaints().photos(complaint.id);
  if (!existing) return existing.error();
  if (existing->size() + addition.photos.size() > kMaxPhotosPerCase) {
    return case_field_problem("photos", Text{"Satu aduan paling banyak 20 foto.", "A case holds at most 20 photos."});
  }
  auto now = clock.now();
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    return append_case_photos(tx, complaint, addition, existing->size(), now);
  });
  // The position is the primary key: two uploads at once make one of them a conflict; retrying is safe.
  if (!written) return written.error();
  return existing->size() + addition.photos.size();
}

Result<void> check_resolution_evidence(ports::Storage& storage, const dc::Complaint& complaint) {
  if (complaint.category_code.empty()) return {};
  auto categories = storage.categories().list();
  if (!categories) return categories.error();
  bool field_work = false;
  for (const auto& category : *categories) {
    if (category.code == complaint.category_code) field_work = category.field_work;
  }
  if (!field_work) return {};
  // In timeline order: an "after" photo proves the work until the reporter disputes the fix
  // (reopened); then a new one is needed.
  auto events = storage.complaints().events(complaint.id, false);
  if (!events) return events.error();
  bool proven = false;
  for (const auto& event : *events) {
    if (event.type == "after_photo_added") proven = true;
    if (event.to_status == dc::Status::reopened) proven = false;
  }
  if (proven) return {};
  return case_field_problem("photos", Text{"Untuk pekerjaan lapangan, unggah dulu foto sesudah perbaikan.",
                                           "Field work needs an \"after\" photo before the case is resolved."});
}

}  // namespace sigap::app::complaints
