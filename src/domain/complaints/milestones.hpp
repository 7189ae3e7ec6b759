#pragma once

#include <string_view>

#include "domain/complaints/complaint.hpp"

namespace sigap::domain::complaints {

/// Whether an event is the handling unit answering the reporter (SP4N-LAPOR!'s tindak lanjut):
/// a public event by staff (actor "user:..." or "apikey:...") that does something with the case
/// for the reporter — taking it, starting, asking, replying, resolving. Verifying, forwarding,
/// reassigning, rejecting and merging decide where the case goes, not what is done about it,
/// and notes and system events are not seen by the reporter at all.
bool is_first_response(const ComplaintEvent& event);

/// Updates the milestones the figures are made of, for an event about to be committed with the
/// case's new state: the first response (kept once), the time it was resolved (the last time;
/// a reopened case that is resolved again moves it), the time it was closed, rejected or merged.
void record_milestones(Complaint& complaint, const ComplaintEvent& event);

/// Whether the case ended with a fix (resolved, then closed by confirmation or silence) as
/// opposed to without one (rejected, or merged into another). Public figures keep them apart.
bool closed_with_fix(const Complaint& complaint);

}  // namespace sigap::domain::complaints
