#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "domain/access/access.hpp"
#include "domain/complaints/case_filter.hpp"

namespace sigap::app::complaints {

/// One page of a case list and where the next one starts (none after the last page).
struct CasePage {
  std::vector<domain::complaints::Complaint> items;
  std::optional<std::string> next_cursor;
};

/// The staff list: the cases in the actor's `read_case` scope (a leader: all; others: the
/// subtrees of their units) that pass `filter`. A unit filter outside the scope yields nothing,
/// never a case of another unit. The cases come without personal data (open one case to see
/// its reporter, masked).
Result<CasePage> list_cases(ports::Storage& storage, const domain::access::Actor& actor,
                            domain::complaints::CaseFilter filter, TimePoint now);

/// The inbox tabs: how many cases of the same list (the filter's statuses left aside) are in
/// each status; statuses without cases are absent.
Result<std::vector<ports::StatusCount>> count_cases(ports::Storage& storage, const domain::access::Actor& actor,
                                                    domain::complaints::CaseFilter filter, TimePoint now);

}  // namespace sigap::app::complaints
