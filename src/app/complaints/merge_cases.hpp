#pragma once

#include <string>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::app::complaints {

/// The master a case is to be merged into, named by its public code: a different case, open,
/// not itself merged, which the actor may work on. Otherwise a validation error on "merge_into"
/// (a master out of the actor's scope reads as unknown, like any case out of scope).
Result<domain::complaints::Complaint> find_merge_master(ports::Storage& storage, const domain::access::Actor& actor,
                                                        const domain::complaints::Complaint& merged,
                                                        const std::string& master_code);

/// The master's side of a merge, inside the merge's transaction: a public event on its timeline
/// naming the merged case, and the merged case's reporter counted once as a supporter of the
/// master. The outbox event carries both codes so every reporter is told.
Result<void> record_merge_on_master(ports::Transaction& tx, const domain::complaints::Complaint& master,
                                    const domain::complaints::Complaint& merged, const std::string& actor,
                                    TimePoint at);

}  // namespace sigap::app::complaints
