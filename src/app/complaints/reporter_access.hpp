#pragma once

#include <string_view>

#include "app/ports/storage.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::app::complaints {

/// The case a public code names, as typed or read over the phone: a typo is a `validation`
/// error saying so, an unknown code `not_found`.
Result<domain::complaints::Complaint> find_by_public_code(ports::Storage& storage, std::string_view typed_code);

/// The case, for its reporter: the secret handed out at intake must match (compared in
/// constant time with its stored hash); a wrong or missing one is `forbidden`.
Result<domain::complaints::Complaint> load_as_reporter(ports::Storage& storage, std::string_view typed_code,
                                                       std::string_view secret);

}  // namespace sigap::app::complaints
