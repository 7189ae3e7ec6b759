// What makes a category attribute (an Open311 service definition entry) well-formed.
#include "domain/master_data/category_attribute.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::master_data {
namespace {

CategoryAttribute depth() {
  CategoryAttribute attribute;
  attribute.category_code = "banjir-drainase";
  attribute.code = "kedalaman_genangan";
  attribute.datatype = AttributeDatatype::number;
  attribute.required = true;
  attribute.description = "Perkiraan kedalaman genangan (cm)";
  return attribute;
}

std::vector<std::string> fields_of(const Result<void>& result) {
  std::vector<std::string> fields;
  if (!result) {
    for (const auto& field : result.error().fields()) fields.push_back(field.field);
  }
  return fields;
}

TEST(CategoryAttribute, DatatypeNamesRoundTripAndUnknownOnesAreRefused) {
  for (auto datatype : {AttributeDatatype::string, AttributeDatatype::number, AttributeDatatype::datetime,
                        AttributeDatatype::text, AttributeDatatype::singlevaluelist, AttributeDatatype::multivaluelist}) {
    EXPECT_EQ(attribute_datatype_from_string(to_string(datatype), "datatype").value(), datatype);
  }
  auto unknown = attribute_datatype_from_string("boolean", "datatype");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().fields().front().field, "datatype");
  EXPECT_TRUE(is_list(AttributeDatatype::multivaluelist));
  EXPECT_FALSE(is_list(AttributeDatatype::text));
}

TEST(CategoryAttribute, AWellFormedDefinitionPasses) { EXPECT_TRUE(check_category_attribute(depth()).ok()); }

TEST(CategoryAttribute, EveryProblemIsNamedAtOnce) {
  auto bad = depth();
  bad.code = "kedalaman genangan";  // a space
  bad.description.clear();
  bad.order = 0;
  bad.values = {{"a", "A"}};  // options on a number
  EXPECT_EQ(fields_of(check_category_attribute(bad)), (std::vector<std::string>{"code", "description", "order", "values"}));
}

TEST(CategoryAttribute, ListsNeedUniqueOptionsAndInformationIsNeverRequired) {
  auto list = depth();
  list.datatype = AttributeDatatype::singlevaluelist;
  EXPECT_EQ(fields_of(check_category_attribute(list)), (std::vector<std::string>{"values"})) << "no options";
  list.values = {{"kecil", "Kecil"}, {"kecil", "Kecil lagi"}};
  EXPECT_EQ(fields_of(check_category_attribute(list)), (std::vector<std::string>{"values"})) << "a repeated key";
  list.values = {{"kecil", "Kecil"}, {"besar", "Besar"}};
  EXPECT_TRUE(check_category_attribute(list).ok());

  auto notice = depth();
  notice.variable = false;
  EXPECT_EQ(fields_of(check_category_attribute(notice)), (std::vector<std::string>{"required"}));
  notice.required = false;
  EXPECT_TRUE(check_category_attribute(notice).ok());
}

}  // namespace
}  // namespace sigap::domain::master_data
