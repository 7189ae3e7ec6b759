#pragma once

#include <optional>
#include <string>
#include <vector>

#include "channels/open311/service_request_form.hpp"
#include "common/clock.hpp"
#include "common/error.hpp"

namespace sigap::channels::open311 {

/// What GeoReport v2 `GET requests` asks for.
struct RequestsQuery {
  /// service_request_id, comma separated: when given, these cases and nothing else (the
  /// specification: "this overrides all other arguments").
  std::vector<std::string> ids;
  std::vector<std::string> service_codes;  // any of these; empty: all
  TimePoint from{};                        // requested_datetime from, inclusive
  TimePoint to{};                          // to, inclusive
  std::optional<bool> open;                // status=open: true, closed: false, both or none: all
};

inline constexpr std::size_t kMaxRequests = 1000;                     // the specification's cap
inline constexpr std::chrono::hours kDefaultWindow{24 * 90};          // "the most recent 90 days"

/// Reads the query parameters of GET requests. start_date and end_date are W3C date-times with
/// their zone; given alone, the other end lies 90 days away; given neither, the window is the
/// 90 days before `now`; a window longer than 90 days, or ending before it starts, is refused.
/// status is open, closed or both (comma separated); service_code and service_request_id are
/// comma separated lists (at most 1,000 ids). jurisdiction_id is read by the caller and api_key
/// is ignored (clients send it everywhere; reads need none); any other parameter is refused.
/// Every problem at once, as a validation error naming the parameter.
Result<RequestsQuery> read_requests_query(const FormPairs& params, TimePoint now);

}  // namespace sigap::channels::open311
