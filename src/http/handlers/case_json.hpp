#pragma once

#include <vector>

#include <boost/json/array.hpp>

#include "app/complaints/find_duplicates.hpp"

namespace sigap::http::handlers {

/// Possible duplicates as the reporter sees them: code, title, status, supporters, how similar
/// and how far — nothing personal.
boost::json::array duplicate_matches_json(const std::vector<app::complaints::DuplicateMatch>& matches);

}  // namespace sigap::http::handlers
