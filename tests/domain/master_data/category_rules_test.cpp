// What a category must be on its own before storage is asked (domain/master_data/
// category_rules): keywords as intake matches them, and one row per broken rule.
#include "domain/master_data/category_rules.hpp"

#include <set>

#include <gtest/gtest.h>

namespace sigap::domain::master_data {
namespace {

Category good_category() {
  Category category;
  category.code = "reklame-liar";
  category.name_id = "Reklame liar";
  category.name_en = "Illegal billboards";
  category.description_id = "Baliho dan spanduk tanpa izin.";
  category.default_unit_code = "satpol-pp";
  category.keywords = {"baliho", "spanduk"};
  return category;
}

std::set<std::string> fields_of(Category category) {
  std::set<std::string> fields;
  for (const auto& problem : check_category(category)) fields.insert(problem.field);
  return fields;
}

TEST(CategoryRules, KeywordsAreTrimmedLowerCasedAndNeverRepeated) {
  auto category = good_category();
  category.keywords = {"  Baliho ", "SPANDUK", "baliho", "", "lampu    Jalan", "   "};
  category.name_id = " Reklame liar ";
  EXPECT_TRUE(check_category(category).empty());
  EXPECT_EQ(category.keywords, (std::vector<std::string>{"baliho", "spanduk", "lampu jalan"}));
  EXPECT_EQ(category.name_id, "Reklame liar");
}

struct BadCategory {
  const char* what;
  void (*spoil)(Category&);
  std::set<std::string> fields;
};

TEST(CategoryRules, EachBrokenRuleNamesItsField) {
  const BadCategory cases[] = {
      {"no code", [](Category& c) { c.code = ""; }, {"code"}},
      {"a code with a space", [](Category& c) { c.code = "reklame liar"; }, {"code"}},
      {"no Indonesian name", [](Category& c) { c.name_id = " "; }, {"name"}},
      {"no English name", [](Category& c) { c.name_en = ""; }, {"name_en"}},
      {"a name of 101 characters", [](Category& c) { c.name_id = std::string(101, 'a'); }, {"name"}},
      {"a description of 1001 characters",
       [](Category& c) { c.description_id = std::string(1001, 'a'); },
       {"description"}},
      {"no default unit", [](Category& c) { c.default_unit_code = ""; }, {"default_unit_code"}},
      {"a keyword with the storage separator",
       [](Category& c) {
         c.keywords = {"ok", "a|b"};
       },
       {"keywords[1]"}},
      {"a keyword of 61 characters", [](Category& c) { c.keywords = {std::string(61, 'k')}; }, {"keywords[0]"}},
      {"51 keywords", [](Category& c) { c.keywords.assign(51, "kata"); }, {"keywords"}},
      {"a keyword that is not UTF-8", [](Category& c) { c.keywords = {"\xff\xfe"}; }, {"keywords[0]"}},
  };
  for (const auto& c : cases) {
    auto category = good_category();
    c.spoil(category);
    EXPECT_EQ(fields_of(category), c.fields) << c.what;
  }
}

TEST(CategoryRules, ADescriptionMaySpanLinesAndACategoryMayHaveNoKeywords) {
  auto category = good_category();
  category.description_id = "Baris satu.\nBaris dua.";
  category.keywords.clear();
  EXPECT_TRUE(fields_of(category).empty());
}

}  // namespace
}  // namespace sigap::domain::master_data
