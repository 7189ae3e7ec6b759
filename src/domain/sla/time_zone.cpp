#include "domain/sla/time_zone.hpp"

#include <array>

namespace sigap::domain::sla {

namespace {

struct ZoneName {
  std::string_view iana;
  UnitTimeZone zone;
};

// Every IANA zone that lies in Indonesia; the first of each zone is its canonical name.
constexpr std::array<ZoneName, 4> kZoneNames{{
    {"Asia/Jakarta", UnitTimeZone::wib},
    {"Asia/Pontianak", UnitTimeZone::wib},
    {"Asia/Makassar", UnitTimeZone::wita},
    {"Asia/Jayapura", UnitTimeZone::wit},
}};

}  // namespace

Result<UnitTimeZone> time_zone_from_name(std::string_view iana) {
  for (const auto& entry : kZoneNames) {
    if (entry.iana == iana) return entry.zone;
  }
  return Error(
      ErrorCode::validation, Text{"Zona waktu tidak dikenal.", "Unknown time zone."},
      {FieldError{"time_zone", Text{"Gunakan Asia/Jakarta atau Asia/Pontianak (WIB), Asia/Makassar (WITA), atau "
                                    "Asia/Jayapura (WIT).",
                                    "Use Asia/Jakarta or Asia/Pontianak (WIB), Asia/Makassar (WITA), or Asia/Jayapura "
                                    "(WIT)."}}});
}

std::string_view iana_name(UnitTimeZone zone) {
  switch (zone) {
    case UnitTimeZone::wib:
      return "Asia/Jakarta";
    case UnitTimeZone::wita:
      return "Asia/Makassar";
    case UnitTimeZone::wit:
      return "Asia/Jayapura";
  }
  return "Asia/Jakarta";
}

std::string_view abbreviation(UnitTimeZone zone) {
  switch (zone) {
    case UnitTimeZone::wib:
      return "WIB";
    case UnitTimeZone::wita:
      return "WITA";
    case UnitTimeZone::wit:
      return "WIT";
  }
  return "WIB";
}

std::chrono::minutes utc_offset(UnitTimeZone zone) {
  switch (zone) {
    case UnitTimeZone::wib:
      return std::chrono::hours{7};
    case UnitTimeZone::wita:
      return std::chrono::hours{8};
    case UnitTimeZone::wit:
      return std::chrono::hours{9};
  }
  return std::chrono::hours{7};
}

LocalTime to_local(TimePoint time, UnitTimeZone zone) {
  const auto local = time + utc_offset(zone);
  const auto midnight = std::chrono::floor<std::chrono::days>(local);
  const auto minute = std::chrono::floor<std::chrono::minutes>(local - midnight);
  return LocalTime{Date{midnight}, static_cast<int>(minute.count())};
}

Date local_date(TimePoint time, UnitTimeZone zone) { return to_local(time, zone).date; }

TimePoint to_utc(Date date, int minute_of_day, UnitTimeZone zone) {
  return TimePoint{std::chrono::sys_days{date} + std::chrono::minutes{minute_of_day} - utc_offset(zone)};
}

}  // namespace sigap::domain::sla
