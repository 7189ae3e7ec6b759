#pragma once

#include <chrono>
#include <string_view>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/sla/date.hpp"

namespace sigap::domain::sla {

/// Indonesia's three time zones. None observes daylight saving, so each is a fixed offset:
/// WIB (Waktu Indonesia Barat) UTC+7, WITA (Tengah) UTC+8, WIT (Timur) UTC+9.
enum class UnitTimeZone { wib, wita, wit };

/// The zone of a unit's IANA name (master_data::Unit::time_zone): Asia/Jakarta and
/// Asia/Pontianak are WIB, Asia/Makassar is WITA, Asia/Jayapura is WIT. Anything else is a
/// validation error on the field "time_zone".
Result<UnitTimeZone> time_zone_from_name(std::string_view iana);

/// The canonical IANA name: Asia/Jakarta, Asia/Makassar or Asia/Jayapura.
std::string_view iana_name(UnitTimeZone zone);
/// "WIB", "WITA" or "WIT", as shown next to a local time.
std::string_view abbreviation(UnitTimeZone zone);
/// Local time minus UTC: 7, 8 or 9 hours.
std::chrono::minutes utc_offset(UnitTimeZone zone);

/// A wall-clock reading in a zone, to the minute.
struct LocalTime {
  Date date;
  int minute_of_day = 0;  // 0..1439
  bool operator==(const LocalTime&) const = default;
};

/// The local reading of `time` in `zone`; seconds are dropped (floored).
LocalTime to_local(TimePoint time, UnitTimeZone zone);
/// The local date of `time` in `zone`.
Date local_date(TimePoint time, UnitTimeZone zone);
/// The instant at `minute_of_day` (0..1440; 1440 is the next midnight) of `date` in `zone`.
TimePoint to_utc(Date date, int minute_of_day, UnitTimeZone zone);

}  // namespace sigap::domain::sla
