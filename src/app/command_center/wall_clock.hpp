#pragma once

#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "domain/sla/time_zone.hpp"

namespace sigap::app::command_center {

/// The zone of a unit's IANA name; WIB for a name that is none of Indonesia's (a unit stored
/// before time zones were checked).
domain::sla::UnitTimeZone zone_of(std::string_view iana);

/// "07:46 WIB": the time of day on a unit's wall clock, for alert messages.
std::string wall_clock(TimePoint time, domain::sla::UnitTimeZone zone);

}  // namespace sigap::app::command_center
