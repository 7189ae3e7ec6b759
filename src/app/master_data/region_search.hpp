#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/error.hpp"
#include "domain/master_data/region.hpp"

namespace sigap::app::master_data {

/// Find regions by a typed name, tolerating typos ("kalidoni", "sukarame" for Sukarami).
struct RegionSearch {
  std::string query;                                    // 2..100 characters
  std::optional<domain::master_data::RegionLevel> level;  // default: district and village
  int limit = 10;                                       // 1..50
};

struct RegionMatch {
  domain::master_data::Region region;
  int score = 0;  // 1..100, higher is closer
};

/// Best matches first (ties by code); regions that do not match at all are left out.
/// Out-of-range inputs are a `validation` error naming each field.
Result<std::vector<RegionMatch>> search_regions(ports::Storage& storage, const RegionSearch& search);

}  // namespace sigap::app::master_data
