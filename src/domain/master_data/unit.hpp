#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/master_data/service_hours.hpp"

namespace sigap::domain::master_data {

/// What kind of office a unit is (glossary: OPD = agency, kantor camat = district_office,
/// kantor lurah = village_office, MPP = service_hall and its counters).
enum class UnitType { city, agency, district_office, village_office, service_hall, service_counter };

struct GeoPoint {
  double latitude = 0;
  double longitude = 0;
  bool operator==(const GeoPoint&) const = default;
};

/// An office that receives and handles cases. Units form a tree (`parent_code`): the city at
/// the root, agencies and kecamatan offices under it, kelurahan offices under their kecamatan.
/// `code` is a stable slug ("dinas-pupr", "kelurahan-16.71.01.1001"); `id` is the storage id.
struct Unit {
  std::int64_t id = 0;
  std::string code;
  UnitType type = UnitType::agency;
  std::string name;
  std::string parent_code;            // empty at the root
  std::string region_code;            // the region it serves; empty for city-wide agencies
  ServiceHours service_hours;
  std::optional<GeoPoint> office_location;
  std::string time_zone = "Asia/Jakarta";  // WIB for Palembang

  bool operator==(const Unit&) const = default;
};

std::string_view to_string(UnitType type);
/// Parses the names used by the API and the data files; a validation error names `field`.
Result<UnitType> unit_type_from_string(std::string_view text, std::string_view field);

}  // namespace sigap::domain::master_data
