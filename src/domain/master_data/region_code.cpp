#include "domain/master_data/region_code.hpp"

#include <array>
#include <cctype>

namespace sigap::domain::master_data {

namespace {

// Digits per segment at each level: 16 . 71 . 01 . 1001
constexpr std::array<std::size_t, 4> kSegmentDigits{2, 2, 2, 4};
constexpr std::array<RegionLevel, 4> kLevels{RegionLevel::province, RegionLevel::city,
                                             RegionLevel::district, RegionLevel::village};

Error bad_code(std::string_view field) {
  return Error(ErrorCode::validation,
               Text{"Kode wilayah tidak valid.", "Invalid region code."},
               {FieldError{std::string(field),
                           Text{"Kode wilayah Kemendagri berbentuk 16, 16.71, 16.71.01 atau "
                                "16.71.01.1001.",
                                "A Kemendagri region code looks like 16, 16.71, 16.71.01 or "
                                "16.71.01.1001."}}});
}

}  // namespace

Result<RegionLevel> parse_region_code(std::string_view code, std::string_view field) {
  std::size_t segment = 0;
  std::size_t digits = 0;
  for (char c : code) {
    if (c == '.') {
      if (segment >= kSegmentDigits.size() - 1 || digits != kSegmentDigits[segment]) {
        return bad_code(field);
      }
      ++segment;
      digits = 0;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else {
      return bad_code(field);
    }
  }
  if (digits != kSegmentDigits[segment]) return bad_code(field);
  return kLevels[segment];
}

std::string parent_region_code(std::string_view code) {
  auto dot = code.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(code.substr(0, dot));
}

std::string_view to_string(RegionLevel level) {
  switch (level) {
    case RegionLevel::province: return "province";
    case RegionLevel::city: return "city";
    case RegionLevel::district: return "district";
    case RegionLevel::village: return "village";
  }
  return "province";
}

Result<RegionLevel> region_level_from_string(std::string_view text, std::string_view field) {
  for (auto level : kLevels) {
    if (to_string(level) == text) return level;
  }
  return Error(ErrorCode::validation, Text{"Tingkat wilayah tidak dikenal.", "Unknown region level."},
               {FieldError{std::string(field),
                           Text{"Pilih salah satu: province, city, district, village.",
                                "Use one of: province, city, district, village."}}});
}

}  // namespace sigap::domain::master_data
