#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"
#include "domain/master_data/region.hpp"

namespace sigap::domain::master_data {

/// Checks a Kemendagri code ("16", "16.71", "16.71.01", "16.71.01.1001") and says which level
/// it names. Any other shape is a validation error naming `field`.
Result<RegionLevel> parse_region_code(std::string_view code, std::string_view field = "code");

/// "16.71.01" -> "16.71"; a province code has no parent ("").
std::string parent_region_code(std::string_view code);

std::string_view to_string(RegionLevel level);
/// "province", "city", "district", "village"; anything else is a validation error.
Result<RegionLevel> region_level_from_string(std::string_view text, std::string_view field);

}  // namespace sigap::domain::master_data
