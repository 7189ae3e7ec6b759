#pragma once

#include <string>

namespace sigap::domain::master_data {

/// The four levels of Kemendagri region codes that Sigap uses.
enum class RegionLevel { province, city, district, village };

/// A region by its official Kemendagri code: provinsi "16", kota "16.71",
/// kecamatan "16.71.01", kelurahan "16.71.01.1001". The parent code is the code less its
/// last segment (empty for a province).
struct Region {
  std::string code;
  std::string parent_code;
  std::string name;
  RegionLevel level = RegionLevel::province;

  bool operator==(const Region&) const = default;
};

}  // namespace sigap::domain::master_data
