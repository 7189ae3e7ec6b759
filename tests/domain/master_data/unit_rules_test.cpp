// What a unit must be on its own before storage is asked (domain/master_data/unit_rules): one
// row per rule, each naming the field a form shows the message under.
#include "domain/master_data/unit_rules.hpp"

#include <set>

#include <gtest/gtest.h>

#include "domain/master_data/code_slug.hpp"

namespace sigap::domain::master_data {
namespace {

Unit good_unit() {
  Unit unit;
  unit.code = "upt-pasar-16-ilir";
  unit.type = UnitType::agency;
  unit.name = "UPT Pasar 16 Ilir";
  unit.parent_code = "pemkot-palembang";
  unit.region_code = "16.71";
  unit.office_location = GeoPoint{-2.9893, 104.7626};
  return unit;
}

std::set<std::string> fields_of(Unit unit) {
  std::set<std::string> fields;
  for (const auto& problem : check_unit(unit)) fields.insert(problem.field);
  return fields;
}

TEST(UnitRules, AWellFormedUnitHasNoProblemAndItsNameIsTrimmed) {
  auto unit = good_unit();
  unit.name = "  UPT Pasar 16 Ilir \n";
  EXPECT_TRUE(check_unit(unit).empty());
  EXPECT_EQ(unit.name, "UPT Pasar 16 Ilir");
}

struct BadUnit {
  const char* what;
  void (*spoil)(Unit&);
  std::set<std::string> fields;
};

TEST(UnitRules, EachBrokenRuleNamesItsField) {
  const BadUnit cases[] = {
      {"empty code", [](Unit& u) { u.code = ""; }, {"code"}},
      {"upper case and spaces", [](Unit& u) { u.code = "Dinas PUPR"; }, {"code"}},
      {"code ends with a hyphen", [](Unit& u) { u.code = "dinas-"; }, {"code"}},
      {"blank name", [](Unit& u) { u.name = "   "; }, {"name"}},
      {"name of one letter", [](Unit& u) { u.name = "X"; }, {"name"}},
      {"name with a control character", [](Unit& u) { u.name = "UPT\x01Pasar"; }, {"name"}},
      {"name of 201 characters", [](Unit& u) { u.name = std::string(201, 'a'); }, {"name"}},
      {"no parent for an agency", [](Unit& u) { u.parent_code = ""; }, {"parent_code"}},
      {"its own parent", [](Unit& u) { u.parent_code = u.code; }, {"parent_code"}},
      {"a time zone outside Indonesia", [](Unit& u) { u.time_zone = "Europe/London"; }, {"time_zone"}},
      {"an office in London",
       [](Unit& u) {
         u.office_location = GeoPoint{51.5, -0.12};
       },
       {"office_location.latitude", "office_location.longitude"}},
      {"everything at once",
       [](Unit& u) {
         u.code = "?";
         u.name = "";
         u.time_zone = "";
       },
       {"code", "name", "time_zone"}},
  };
  for (const auto& c : cases) {
    auto unit = good_unit();
    c.spoil(unit);
    EXPECT_EQ(fields_of(unit), c.fields) << c.what;
  }
}

TEST(UnitRules, TheCityAloneMayHaveNoParentAndEveryZoneOfIndonesiaIsKnown) {
  auto city = good_unit();
  city.type = UnitType::city;
  city.parent_code = "";
  EXPECT_TRUE(fields_of(city).empty());
  for (const auto* zone : {"Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"}) {
    auto unit = good_unit();
    unit.time_zone = zone;
    EXPECT_TRUE(fields_of(unit).empty()) << zone;
  }
  auto nowhere = good_unit();
  nowhere.office_location.reset();
  EXPECT_TRUE(fields_of(nowhere).empty());
}

TEST(CodeSlug, TheCodesOfTheDemoDataAreSlugsAndOddOnesAreNot) {
  for (const auto* code :
       {"dinas-pupr", "kelurahan-16.71.01.1001", "jalan-rusak", "pasar-palembang-jaya", "a1", "x_y"}) {
    EXPECT_TRUE(is_code_slug(code)) << code;
  }
  for (const auto* code : {"", "a", "-a", "a-", "Dinas", "a b", "a/b", "jalan|rusak", "ó-x"}) {
    EXPECT_FALSE(is_code_slug(code)) << code;
  }
  EXPECT_FALSE(is_code_slug(std::string(65, 'a')));
  EXPECT_TRUE(is_code_slug(std::string(64, 'a')));
}

}  // namespace
}  // namespace sigap::domain::master_data
