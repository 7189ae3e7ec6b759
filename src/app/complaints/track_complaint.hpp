#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/complaints/routing_book.hpp"
#include "app/ports/storage.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::app::complaints {

/// What tracking by public code shows: the case and its public timeline, with the names of its
/// category and unit. The caller shows none of the reporter's data.
struct TrackedComplaint {
  domain::complaints::Complaint complaint;
  std::vector<domain::complaints::ComplaintEvent> timeline;  // public entries only
  std::string category_name;  // of the case shown (the master when merged)
  std::string unit_name;
  /// The case this one was merged into, which it now follows: its status, unit and deadlines
  /// are what the reporter is shown, and its public timeline continues this one's.
  std::optional<domain::complaints::Complaint> master;
};

/// Looks a case up by the code a person typed or read over the phone. A typo is caught by the
/// check symbol (`validation`, saying so); a well-formed code of no case is `not_found`. A case
/// merged into another comes with its master. The category and unit names come from
/// `directory` (what intake keeps read), not from two more reads per tracking.
Result<TrackedComplaint> track_complaint(ports::Storage& storage, RoutingDirectory& directory,
                                         std::string_view typed_code);

}  // namespace sigap::app::complaints
