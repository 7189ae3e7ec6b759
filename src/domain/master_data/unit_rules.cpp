#include "domain/master_data/unit_rules.hpp"

#include <fmt/format.h>

#include "domain/complaints/contact.hpp"
#include "domain/complaints/intake.hpp"
#include "domain/master_data/code_slug.hpp"
#include "domain/sla/time_zone.hpp"

namespace sigap::domain::master_data {

namespace {

std::string trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool has_control_characters(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

std::vector<FieldError> check_unit(Unit& unit) {
  std::vector<FieldError> problems;
  check_code_slug(unit.code, "code", problems);

  unit.name = trimmed(unit.name);
  auto length = complaints::utf8_length(unit.name);
  if (!length || has_control_characters(unit.name)) {
    problems.push_back({"name", Text{"Nama berisi karakter yang tidak sah.", "The name holds invalid characters."}});
  } else if (*length < kMinUnitName || *length > kMaxUnitName) {
    problems.push_back({"name", Text{fmt::format("Nama {} sampai {} karakter.", kMinUnitName, kMaxUnitName),
                                     fmt::format("The name takes {} to {} characters.", kMinUnitName, kMaxUnitName)}});
  }

  if (unit.parent_code.empty() && unit.type != UnitType::city) {
    problems.push_back({"parent_code", Text{"Pilih unit induk; hanya pemerintah kota yang tanpa induk.",
                                            "Choose the parent unit; only the city government has none."}});
  } else if (!unit.parent_code.empty() && unit.parent_code == unit.code) {
    problems.push_back(
        {"parent_code", Text{"Unit tidak dapat menjadi induk dirinya sendiri.", "A unit cannot be its own parent."}});
  }

  if (auto zone = sla::time_zone_from_name(unit.time_zone); !zone) {
    for (const auto& field : zone.error().fields()) problems.push_back(field);
  }

  if (unit.office_location) {
    auto checked =
        complaints::check_location(unit.office_location->latitude, unit.office_location->longitude, std::nullopt);
    if (!checked) {
      for (const auto& field : checked.error().fields()) {
        problems.push_back({"office_location." + field.field, field.message});
      }
    }
  }
  return problems;
}

}  // namespace sigap::domain::master_data
