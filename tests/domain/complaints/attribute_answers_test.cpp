// Answers to a service's attributes (Open311 attribute[code]) checked against its definitions,
// as a case table: a new rule is a new row.
#include "domain/complaints/attribute_answers.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::complaints {
namespace {

namespace dm = domain::master_data;

dm::CategoryAttribute define(std::string code, dm::AttributeDatatype datatype, bool required, int order,
                             std::vector<dm::AttributeOption> values = {}, bool variable = true) {
  dm::CategoryAttribute attribute;
  attribute.category_code = "jalan-rusak";
  attribute.code = std::move(code);
  attribute.datatype = datatype;
  attribute.required = required;
  attribute.order = order;
  attribute.description = "?";
  attribute.values = std::move(values);
  attribute.variable = variable;
  return attribute;
}

// The definitions every row is checked against, listed out of order on purpose.
const std::vector<dm::CategoryAttribute>& definitions() {
  using T = dm::AttributeDatatype;
  static const std::vector<dm::CategoryAttribute> list{
      define("dampak", T::multivaluelist, false, 2, {{"motor", "Motor"}, {"mobil", "Mobil"}, {"macet", "Macet"}}),
      define("ukuran", T::singlevaluelist, true, 1, {{"kecil", "Kecil"}, {"besar", "Besar"}}),
      define("kedalaman", T::number, false, 3),
      define("sejak", T::datetime, false, 4),
      define("patokan", T::string, false, 5),
      define("catatan", T::text, false, 6),
      define("info", T::text, false, 7, {}, false),
  };
  return list;
}

struct Row {
  const char* what;
  std::vector<GivenAttribute> given;
  std::vector<AttributeAnswer> expected;  // when accepted
  std::vector<std::string> refused;       // the fields named when refused
};

void PrintTo(const Row& row, std::ostream* out) { *out << row.what; }

class AttributeAnswers : public ::testing::TestWithParam<Row> {};

TEST_P(AttributeAnswers, AcceptsOrNamesEveryProblem) {
  const auto& row = GetParam();
  auto checked = check_attribute_answers(definitions(), row.given);
  if (row.refused.empty()) {
    ASSERT_TRUE(checked.ok()) << checked.error().fields().front().field << ": "
                              << checked.error().fields().front().message.en;
    EXPECT_EQ(*checked, row.expected);
  } else {
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.error().code(), ErrorCode::validation);
    std::vector<std::string> fields;
    for (const auto& field : checked.error().fields()) fields.push_back(field.field);
    EXPECT_EQ(fields, row.refused);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, AttributeAnswers,
    ::testing::Values(
        Row{"the required one alone", {{"ukuran", {"kecil"}}}, {{"ukuran", {"kecil"}}}, {}},
        Row{"in the definitions' order, list keys in the options' order, duplicates once",
            {{"dampak", {"macet", "motor", "macet"}}, {"kedalaman", {"30"}}, {"ukuran", {"besar"}}},
            {{"ukuran", {"besar"}}, {"dampak", {"motor", "macet"}}, {"kedalaman", {"30"}}},
            {}},
        Row{"a date-time becomes UTC", {{"ukuran", {"kecil"}}, {"sejak", {"2026-11-20T07:00:00+07:00"}}},
            {{"ukuran", {"kecil"}}, {"sejak", {"2026-11-20T00:00:00Z"}}}, {}},
        Row{"numbers: negative and decimal", {{"ukuran", {"kecil"}}, {"kedalaman", {"-12.5"}}},
            {{"ukuran", {"kecil"}}, {"kedalaman", {"-12.5"}}}, {}},
        Row{"text keeps its line breaks", {{"ukuran", {"kecil"}}, {"catatan", {"baris 1\nbaris 2"}}},
            {{"ukuran", {"kecil"}}, {"catatan", {"baris 1\nbaris 2"}}}, {}},
        Row{"an empty value is not an answer", {{"ukuran", {"kecil"}}, {"patokan", {""}}}, {{"ukuran", {"kecil"}}}, {}},
        Row{"the required one missing", {}, {}, {"attribute[ukuran]"}},
        Row{"the required one empty", {{"ukuran", {""}}}, {}, {"attribute[ukuran]"}},
        Row{"a code the service lacks", {{"ukuran", {"kecil"}}, {"warna", {"merah"}}}, {}, {"attribute[warna]"}},
        Row{"an answer to information", {{"ukuran", {"kecil"}}, {"info", {"x"}}}, {}, {"attribute[info]"}},
        Row{"two values for one", {{"ukuran", {"kecil", "besar"}}}, {}, {"attribute[ukuran]"}},
        Row{"a key that is no option", {{"ukuran", {"sedang"}}}, {}, {"attribute[ukuran]"}},
        Row{"one bad key among several", {{"ukuran", {"kecil"}}, {"dampak", {"motor", "banjir"}}}, {},
            {"attribute[dampak]"}},
        Row{"not a plain number", {{"ukuran", {"kecil"}}, {"kedalaman", {"1e3"}}}, {}, {"attribute[kedalaman]"}},
        Row{"a number with a unit", {{"ukuran", {"kecil"}}, {"kedalaman", {"30cm"}}}, {}, {"attribute[kedalaman]"}},
        Row{"a date-time without its zone", {{"ukuran", {"kecil"}}, {"sejak", {"2026-11-20T07:00:00"}}}, {},
            {"attribute[sejak]"}},
        Row{"a string over two lines", {{"ukuran", {"kecil"}}, {"patokan", {"depan\nmasjid"}}}, {},
            {"attribute[patokan]"}},
        Row{"a string over 1000 characters", {{"ukuran", {"kecil"}}, {"patokan", {std::string(1001, 'a')}}}, {},
            {"attribute[patokan]"}},
        Row{"a control character", {{"ukuran", {"kecil"}}, {"catatan", {"bel\x07"}}}, {}, {"attribute[catatan]"}},
        Row{"not UTF-8", {{"ukuran", {"kecil"}}, {"catatan", {"\xff\xfe"}}}, {}, {"attribute[catatan]"}},
        Row{"every problem at once", {{"warna", {"x"}}, {"kedalaman", {"dalam"}}}, {},
            {"attribute[warna]", "attribute[ukuran]", "attribute[kedalaman]"}}));

TEST(AttributeAnswersOfAServiceWithoutAttributes, NoneIsFineAnyIsUnknown) {
  EXPECT_TRUE(check_attribute_answers({}, {}).ok());
  auto refused = check_attribute_answers({}, {{"x", {"1"}}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields().front().field, "attribute[x]");
}

}  // namespace
}  // namespace sigap::domain::complaints
