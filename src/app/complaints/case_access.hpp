#pragma once

#include <cstdint>

#include "app/ports/storage.hpp"
#include "domain/access/access.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::app::complaints {

/// Loads a case for a staff member or an API key and checks the policy against the unit that
/// holds it (a role on an ancestor unit covers it). A case the actor may not even read is
/// `not_found`, exactly like a case that does not exist, so nobody learns what other units
/// hold; a case the actor may read but not act on is `forbidden`.
Result<domain::complaints::Complaint> load_case(ports::Storage& storage, const domain::access::Actor& actor,
                                                std::int64_t id, domain::access::Action action);

/// The resource the policy judges for a case: the path from the root unit to its unit.
Result<domain::access::Resource> case_resource(ports::Storage& storage, const std::string& unit_code);

}  // namespace sigap::app::complaints
