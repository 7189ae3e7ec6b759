#pragma once

#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::app::complaints {

/// A case holds at most this many photos in all (five with the report, the rest added later).
inline constexpr std::size_t kMaxPhotosPerCase = 20;

/// Photos already checked and stored (ports::PhotoStore) that join a case after intake.
struct PhotoAddition {
  std::string kind;      // "reporter" (through the tracking link) or "after" (the unit's proof of work)
  std::string added_by;  // "reporter", "user:12", ...
  std::vector<ports::StoredPhoto> photos;
};

/// Inside the caller's transaction: stores `addition.photos` at positions `existing + 1`, ...
/// and the public timeline event (with its outbox row) that records them. No checks: the caller
/// checked the state of the case and the photo count.
Result<void> append_case_photos(ports::Transaction& tx, const domain::complaints::Complaint& complaint,
                                const PhotoAddition& addition, std::size_t existing, TimePoint now);

/// Appends the photos to the case after the ones it has, with a public timeline event, in one
/// transaction. More than kMaxPhotosPerCase in all is a validation
/// error on "photos" (the caller then discards the stored blobs). A case that is over takes no
/// photos from the reporter (`conflict`); staff may still add an "after" photo to a resolved case.
/// Returns how many photos the case has now.
Result<std::size_t> add_case_photos(ports::Storage& storage, const Clock& clock,
                                    const domain::complaints::Complaint& complaint, const PhotoAddition& addition);

/// Whether resolving needs an "after" photo and none was added since the case was last taken up
/// again: a `validation` error on "photos" saying so. Categories marked field_work (roads,
/// drainage, street lights, rubbish, trees) need one; others do not.
Result<void> check_resolution_evidence(ports::Storage& storage, const domain::complaints::Complaint& complaint);

}  // namespace sigap::app::complaints
