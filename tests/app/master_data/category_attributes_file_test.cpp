// Category attributes (Open311 service definitions) read from CSV, and the Palembang file we ship.
#include "app/master_data/category_attributes_file.hpp"

#include <gtest/gtest.h>

#include "app/master_data/demo_data_files.hpp"

namespace sigap::app::master_data {
namespace {

namespace dm = domain::master_data;

constexpr std::string_view kHeader =
    "category_code,code,variable,datatype,required,order,description,datatype_description,values\n";

std::string bad_line_of(std::string_view rows) {
  auto parsed = parse_category_attributes(std::string(kHeader) + std::string(rows));
  EXPECT_FALSE(parsed.ok()) << rows;
  if (parsed.ok()) return {};
  return parsed.error().fields().front().field;
}

TEST(CategoryAttributesFile, ReadsEveryColumnAndTheOptions) {
  auto parsed = parse_category_attributes(
      std::string(kHeader) +
      "jalan-rusak,ukuran,1,singlevaluelist,1,1,\"Besar, kecil?\",,kecil:Kecil (< 30 cm)|besar:Besar\n"
      "jalan-rusak,catatan,0,text,0,2,Hubungi 112 bila darurat.,Bebas,\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().fields().front().message.en;
  ASSERT_EQ(parsed->size(), 2U);
  const auto& size = parsed->at(0);
  EXPECT_EQ(size.category_code, "jalan-rusak");
  EXPECT_EQ(size.code, "ukuran");
  EXPECT_TRUE(size.variable);
  EXPECT_TRUE(size.required);
  EXPECT_EQ(size.datatype, dm::AttributeDatatype::singlevaluelist);
  EXPECT_EQ(size.order, 1);
  EXPECT_EQ(size.description, "Besar, kecil?");
  EXPECT_EQ(size.values, (std::vector<dm::AttributeOption>{{"kecil", "Kecil (< 30 cm)"}, {"besar", "Besar"}}));
  EXPECT_FALSE(parsed->at(1).variable);
  EXPECT_EQ(parsed->at(1).datatype_description, "Bebas");
  EXPECT_TRUE(parse_category_attributes("").ok()) << "no file, no attributes";
}

TEST(CategoryAttributesFile, NamesTheLineOfABadRow) {
  EXPECT_EQ(bad_line_of("a,b,1,number,1,1,Q\n"), "category_attributes line 2") << "too few columns";
  EXPECT_EQ(bad_line_of("a,b,ya,number,1,1,Q,,\n"), "category_attributes line 2") << "variable is 0 or 1";
  EXPECT_EQ(bad_line_of("a,b,1,boolean,1,1,Q,,\n"), "category_attributes line 2") << "unknown datatype";
  EXPECT_EQ(bad_line_of("a,b,1,number,1,x,Q,,\n"), "category_attributes line 2") << "order is a number";
  EXPECT_EQ(bad_line_of("a,b,1,singlevaluelist,1,1,Q,,kecil\n"), "category_attributes line 2") << "key:name";
  EXPECT_EQ(bad_line_of("a,b,1,number,1,1,,,\n"), "category_attributes line 2") << "no question";
  EXPECT_EQ(bad_line_of("a,b,1,number,1,1,Q,,\na,c,1,number,0,1,R,,\n"), "category_attributes line 3")
      << "an order used twice in one category";
}

TEST(CategoryAttributesFile, ThePalembangFileHoldsTheDemoDefinitions) {
  auto parsed = parse_category_attributes(palembang_category_attributes_csv());
  ASSERT_TRUE(parsed.ok()) << parsed.error().fields().front().field << " " << parsed.error().fields().front().message.en;
  ASSERT_FALSE(parsed->empty());
  bool flood_depth = false;
  for (const auto& attribute : *parsed) {
    if (attribute.category_code == "banjir-drainase" && attribute.code == "kedalaman_genangan") {
      flood_depth = attribute.datatype == dm::AttributeDatatype::number && attribute.required;
    }
  }
  EXPECT_TRUE(flood_depth) << "the flood category asks how deep the water is";
}

}  // namespace
}  // namespace sigap::app::master_data
