#pragma once
// What the case routes read from a request: the case id in the path, the version in If-Match.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/complaints/complaint.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// The {id} path parameter as a positive number; nothing for anything else.
std::optional<std::int64_t> case_id(const Request& request);

/// 404 problem+json, the same for a case that does not exist and one out of scope.
Response no_such_case(const Request& request);

/// The entity tag of a case: its version, "\"v3\"".
std::string etag_of(const domain::complaints::Complaint& complaint);

/// If-Match: "v3" (or W/"v3") -> 3; absent -> nullopt; anything else -> 0, which never matches.
std::optional<std::int64_t> expected_version(const Request& request);

}  // namespace sigap::http::handlers
