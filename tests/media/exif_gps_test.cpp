#include "media/exif_gps.hpp"

#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace sigap::media {
namespace {

struct DegreesCase {
  std::string_view name;
  std::string_view value;
  std::optional<double> expected;
};

class ParseExifDegrees : public ::testing::TestWithParam<DegreesCase> {};

TEST_P(ParseExifDegrees, ReadsTheRationalsLibvipsRenders) {
  const auto parsed = parse_exif_degrees(GetParam().value);
  ASSERT_EQ(parsed.has_value(), GetParam().expected.has_value()) << GetParam().value;
  if (parsed) {
    EXPECT_NEAR(*parsed, *GetParam().expected, 1e-9);
  }
}

const DegreesCase kDegreesCases[] = {
    {"libvips_form", "2/1 58/1 3396/100 ( 2, 58, 33.96, Rational, 3 components, 24 bytes)",
     2 + 58 / 60.0 + 33.96 / 3600},
    {"without_description", "104/1 46/1 3144/100", 104 + 46 / 60.0 + 31.44 / 3600},
    {"decimal_minutes", "2/1 585600/10000 0/1", 2 + 58.56 / 60},
    {"decimal_degrees", "29761/10000 0/1 0/1", 2.9761},
    {"degrees_only", "3/1", 3.0},
    {"degrees_and_minutes", "3/1 30/1", 3.5},
    {"zero_over_zero_is_zero", "2/1 30/1 0/0", 2.5},
    {"extra_spaces", "  2/1   30/1  0/1  (x)", 2.5},
    {"zero_denominator", "2/0 30/1 0/1", std::nullopt},
    {"minutes_of_sixty", "2/1 60/1 0/1", std::nullopt},
    {"seconds_of_sixty", "2/1 0/1 60/1", std::nullopt},
    {"four_rationals", "2/1 0/1 0/1 0/1", std::nullopt},
    {"negative", "-2/1 0/1 0/1", std::nullopt},
    {"not_a_rational", "2.5 0 0", std::nullopt},
    {"libexif_text_only", "2, 58, 33.96", std::nullopt},
    {"garbage_after_number", "2/1x 0/1 0/1", std::nullopt},
    {"missing_denominator", "2/ 0/1 0/1", std::nullopt},
    {"overflow", "99999999999/1", std::nullopt},
    {"empty", "", std::nullopt},
    {"description_only", "(2, 58, 33.96, Rational, 3 components, 24 bytes)", std::nullopt},
};

INSTANTIATE_TEST_SUITE_P(Table, ParseExifDegrees, ::testing::ValuesIn(kDegreesCases),
                         [](const auto& info) { return std::string(info.param.name); });

constexpr std::string_view kLatitude = "2/1 58/1 3396/100 ( 2, 58, 33.96, Rational, 3 components, 24 bytes)";
constexpr std::string_view kLongitude = "104/1 46/1 3144/100 (104, 46, 31.44, Rational, 3 components, 24 bytes)";

struct LocationCase {
  std::string_view name;
  std::string_view latitude_ref;
  std::string_view longitude_ref;
  std::optional<PhotoLocation> expected;
};

class LocationFromExif : public ::testing::TestWithParam<LocationCase> {};

TEST_P(LocationFromExif, SignsByHemisphere) {
  const auto location = location_from_exif(kLatitude, GetParam().latitude_ref, kLongitude, GetParam().longitude_ref);
  ASSERT_EQ(location.has_value(), GetParam().expected.has_value());
  if (location) {
    EXPECT_NEAR(location->latitude, GetParam().expected->latitude, 1e-4);
    EXPECT_NEAR(location->longitude, GetParam().expected->longitude, 1e-4);
  }
}

const LocationCase kLocationCases[] = {
    {"south_east_palembang", "S (S, ASCII, 2 components, 2 bytes)", "E (E, ASCII, 2 components, 2 bytes)",
     PhotoLocation{-2.9761, 104.7754}},
    {"north_east", "N", "E", PhotoLocation{2.9761, 104.7754}},
    {"south_west", "S", "W", PhotoLocation{-2.9761, -104.7754}},
    {"lower_case_refs", "s", "e", PhotoLocation{-2.9761, 104.7754}},
    {"missing_latitude_ref", "", "E", std::nullopt},
    {"missing_longitude_ref", "S", "", std::nullopt},
    {"refs_swapped", "E", "S", std::nullopt},
    {"unknown_ref", "X", "E", std::nullopt},
};

INSTANTIATE_TEST_SUITE_P(Table, LocationFromExif, ::testing::ValuesIn(kLocationCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(LocationFromExif, RefusesOutOfRangeAndTheNoFixMarker) {
  EXPECT_FALSE(location_from_exif("91/1 0/1 0/1", "N", kLongitude, "E"));
  EXPECT_FALSE(location_from_exif(kLatitude, "S", "181/1 0/1 0/1", "E"));
  EXPECT_FALSE(location_from_exif("0/1 0/1 0/1", "N", "0/1 0/1 0/1", "E"));
  EXPECT_FALSE(location_from_exif("", "", "", ""));
  const auto pole = location_from_exif("90/1 0/1 0/1", "S", "180/1 0/1 0/1", "W");
  ASSERT_TRUE(pole);
  EXPECT_EQ(pole->latitude, -90);
  EXPECT_EQ(pole->longitude, -180);
}

}  // namespace
}  // namespace sigap::media
