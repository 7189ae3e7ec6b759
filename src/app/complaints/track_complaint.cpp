#include "app/complaints/track_complaint.hpp"

#include "domain/complaints/public_code.hpp"

namespace sigap::app::complaints {

Result<TrackedComplaint> track_complaint(ports::Storage& storage, std::string_view typed_code) {
  auto code = domain::complaints::parse_public_code(typed_code, "code");
  if (!code) return code.error();
  auto found = storage.complaints().find_by_code(*code);
  if (!found) return found.error();
  if (!found->has_value()) {
    return Error(ErrorCode::not_found, Text{"Tidak ada aduan dengan kode itu.", "No complaint has that code."});
  }
  TrackedComplaint tracked;
  tracked.complaint = std::move(**found);
  auto timeline = storage.complaints().events(tracked.complaint.id, true);
  if (!timeline) return timeline.error();
  tracked.timeline = std::move(*timeline);
  if (!tracked.complaint.category_code.empty()) {
    auto categories = storage.categories().list();
    if (!categories) return categories.error();
    for (const auto& category : *categories) {
      if (category.code == tracked.complaint.category_code) tracked.category_name = category.name_id;
    }
  }
  auto unit = storage.units().find_by_code(tracked.complaint.unit_code);
  if (!unit) return unit.error();
  if (unit->has_value()) tracked.unit_name = (*unit)->name;
  return tracked;
}

}  // namespace sigap::app::complaints
