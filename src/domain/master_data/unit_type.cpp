#include <array>
#include <utility>

#include "domain/master_data/unit.hpp"

namespace sigap::domain::master_data {

namespace {

constexpr std::array<std::pair<UnitType, std::string_view>, 6> kNames{{
    {UnitType::city, "city"},
    {UnitType::agency, "agency"},
    {UnitType::district_office, "district_office"},
    {UnitType::village_office, "village_office"},
    {UnitType::service_hall, "service_hall"},
    {UnitType::service_counter, "service_counter"},
}};

}  // namespace

std::string_view to_string(UnitType type) {
  for (const auto& [value, name] : kNames) {
    if (value == type) return name;
  }
  return "agency";
}

Result<UnitType> unit_type_from_string(std::string_view text, std::string_view field) {
  for (const auto& [value, name] : kNames) {
    if (name == text) return value;
  }
  return Error(ErrorCode::validation, Text{"Jenis unit tidak dikenal.", "Unknown unit type."},
               {FieldError{std::string(field),
                           Text{"Pilih salah satu: city, agency, district_office, village_office, "
                                "service_hall, service_counter.",
                                "Use one of: city, agency, district_office, village_office, "
                                "service_hall, service_counter."}}});
}

}  // namespace sigap::domain::master_data
