#include "app/complaints/track_complaint.hpp"

#include "app/complaints/reporter_access.hpp"

namespace sigap::app::complaints {

Result<TrackedComplaint> track_complaint(ports::Storage& storage, RoutingDirectory& directory,
                                         std::string_view typed_code) {
  auto found = find_by_public_code(storage, typed_code);
  if (!found) return found.error();
  TrackedComplaint tracked;
  tracked.complaint = std::move(*found);
  auto timeline = storage.complaints().events(tracked.complaint.id, true);
  if (!timeline) return timeline.error();
  tracked.timeline = std::move(*timeline);
  if (tracked.complaint.merged_into_id) {
    // A merged case follows its master: the reporter sees where the master stands and what is
    // done about it, after the case's own story up to the merge.
    auto master = storage.complaints().find_by_id(*tracked.complaint.merged_into_id);
    if (!master) return master.error();
    if (master->has_value()) {
      auto master_timeline = storage.complaints().events((*master)->id, true);
      if (!master_timeline) return master_timeline.error();
      for (auto& event : *master_timeline) {
        if (event.at >= tracked.complaint.updated_at) tracked.timeline.push_back(std::move(event));
      }
      tracked.master = std::move(**master);
    }
  }
  const auto& shown = tracked.master ? *tracked.master : tracked.complaint;
  auto book = directory.book();
  if (!book) return book.error();
  for (const auto& category : (*book)->categories.categories()) {
    if (category.code == shown.category_code) tracked.category_name = category.name_id;
  }
  if (const auto* unit = (*book)->unit(shown.unit_code)) tracked.unit_name = unit->name;
  return tracked;
}

}  // namespace sigap::app::complaints
