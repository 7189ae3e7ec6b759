#include "app/command_center/wall_clock.hpp"

#include <fmt/format.h>

namespace sigap::app::command_center {

domain::sla::UnitTimeZone zone_of(std::string_view iana) {
  auto zone = domain::sla::time_zone_from_name(iana);
  return zone ? *zone : domain::sla::UnitTimeZone::wib;
}

std::string wall_clock(TimePoint time, domain::sla::UnitTimeZone zone) {
  auto local = domain::sla::to_local(time, zone);
  return fmt::format("{:02}:{:02} {}", local.minute_of_day / 60, local.minute_of_day % 60,
                     domain::sla::abbreviation(zone));
}

}  // namespace sigap::app::command_center
