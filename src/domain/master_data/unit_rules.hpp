#pragma once

#include <vector>

#include "common/error.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::domain::master_data {

inline constexpr std::size_t kMinUnitName = 2;  // characters (code points)
inline constexpr std::size_t kMaxUnitName = 200;

/// The rules a unit keeps on its own, before storage is asked about its parent and region:
/// a code slug (code_slug.hpp), a name, a parent unless it is the city (and never itself), a
/// time zone of Indonesia (WIB, WITA, WIT), an office location in Indonesia when one is given.
/// Trims the name in place. Returns every problem at once, each named by its API field
/// ("code", "name", "parent_code", "time_zone", "office_location.latitude", ...); empty when
/// the unit is well-formed.
std::vector<FieldError> check_unit(Unit& unit);

}  // namespace sigap::domain::master_data
