// The geofence rule as a table: the radius plus the phone's accuracy, at most 50 m of it; a
// phone less accurate than 200 m is not believed; the refusal names the distance.
#include "domain/presence/geofence.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace sigap::domain::presence {
namespace {

// Kantor Lurah on the Musi's north bank; a metre of latitude is about 1/111,195 degree.
const Geofence kOffice{"kelurahan-16.71.01.1001", {-2.9760, 104.7450}, 100};

Position north_of(const Geofence& fence, double metres, double accuracy) {
  return Position{{fence.office.latitude + metres / 111'195.0, fence.office.longitude}, accuracy};
}

struct Row {
  const char* name;
  double metres;
  double accuracy;
  bool inside;
};

class GeofenceTable : public ::testing::TestWithParam<Row> {};

TEST_P(GeofenceTable, Decides) {
  const auto& row = GetParam();
  auto verdict = judge_position(kOffice, north_of(kOffice, row.metres, row.accuracy));
  EXPECT_EQ(verdict.inside, row.inside) << row.name << ": " << verdict.distance_m << " m";
  EXPECT_NEAR(verdict.distance_m, row.metres, 1.0) << row.name;
}

INSTANTIATE_TEST_SUITE_P(Rules, GeofenceTable,
                         ::testing::Values(Row{"at the door", 0, 10, true},
                                           Row{"at the edge of the radius", 99, 5, true},
                                           Row{"just outside, a good fix", 110, 5, false},
                                           Row{"outside the radius, within the accuracy", 130, 40, true},
                                           Row{"the allowance stops at 50 m", 160, 150, false},
                                           Row{"within radius plus 50 m", 148, 150, true},
                                           Row{"across the river, 300 m", 300, 20, false}),
                         [](const ::testing::TestParamInfo<Row>& info) {
                           std::string name;
                           for (const char* c = info.param.name; *c; ++c)
                             name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
                           return name;
                         });

TEST(Geofence, ARefusalNamesTheDistanceAndTheRadiusInBothLanguages) {
  auto verdict = judge_position(kOffice, north_of(kOffice, 300, 20));
  auto error = outside_geofence(verdict, kOffice, "Kelurahan 19 Ilir");
  EXPECT_EQ(error.code(), ErrorCode::validation);
  EXPECT_NE(error.message().id.find("300 m"), std::string::npos) << error.message().id;
  EXPECT_NE(error.message().id.find("radius 100 m"), std::string::npos) << error.message().id;
  EXPECT_NE(error.message().en.find("You are 300 m from the office of Kelurahan 19 Ilir"), std::string::npos)
      << error.message().en;
  ASSERT_EQ(error.fields().size(), 1U);
  EXPECT_EQ(error.fields().front().field, "location");
}

TEST(Geofence, APositionIsCheckedFieldByField) {
  EXPECT_TRUE(check_position(-2.976, 104.745, 12).ok());
  auto vague = check_position(-2.976, 104.745, 250);
  ASSERT_FALSE(vague.ok());
  EXPECT_EQ(vague.error().fields().front().field, "accuracy_m");
  EXPECT_NE(vague.error().fields().front().message.en.find("250 m"), std::string::npos);
  auto nowhere = check_position(48.85, 2.35, 0);
  ASSERT_FALSE(nowhere.ok());
  std::vector<std::string> fields;
  for (const auto& field : nowhere.error().fields()) fields.push_back(field.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"latitude", "longitude", "accuracy_m"}));
  EXPECT_FALSE(check_position(-2.976, 104.745, NAN).ok());
}

TEST(Geofence, RadiusIsWholeMetresWithinBounds) {
  EXPECT_EQ(check_radius(100).value(), 100);
  EXPECT_EQ(check_radius(kMinRadiusM).value(), kMinRadiusM);
  EXPECT_FALSE(check_radius(19).ok());
  EXPECT_FALSE(check_radius(2001).ok());
  EXPECT_FALSE(check_radius(50.5).ok());
  EXPECT_EQ(check_radius(5).error().fields().front().field, "radius_m");
}

}  // namespace
}  // namespace sigap::domain::presence
