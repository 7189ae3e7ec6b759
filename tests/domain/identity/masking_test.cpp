#include "domain/identity/masking.hpp"

#include <ostream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace sigap::domain::identity {
namespace {

struct MaskCase {
  std::string_view input;
  std::string_view masked;
};

void PrintTo(const MaskCase& row, std::ostream* out) { *out << '"' << row.input << "\" -> \"" << row.masked << '"'; }

class MaskPhone : public ::testing::TestWithParam<MaskCase> {};
TEST_P(MaskPhone, FollowsTheTable) { EXPECT_EQ(mask_phone(GetParam().input), GetParam().masked); }
INSTANTIATE_TEST_SUITE_P(
    Table, MaskPhone,
    ::testing::Values(MaskCase{"+6281234567890", "0812****7890"}, MaskCase{"081234567890", "0812****7890"},
                      MaskCase{"6281234567890", "0812****7890"},  // WhatsApp writes no '+'
                      MaskCase{"0812-3456-7890", "0812****7890"}, MaskCase{" +62 812 3456 7890 ", "0812****7890"},
                      MaskCase{"+62 0812 3456 7890", "0812****7890"},  // "+62 0" slip
                      MaskCase{"(0711) 352-123", "0711**2123"},        // Palembang landline
                      MaskCase{"+628123456789012", "0812******9012"},
                      MaskCase{"0812345678", "0812**5678"},  // 10 digits: long
                      MaskCase{"081234567", "*******67"},    // 9 digits: short
                      MaskCase{"+14155550123", "+1415***0123"}, MaskCase{"112", "*12"}, MaskCase{"62", "**"},
                      MaskCase{"7", "*"}, MaskCase{"", ""}, MaskCase{"tidak ada", ""}));

class MaskEmail : public ::testing::TestWithParam<MaskCase> {};
TEST_P(MaskEmail, FollowsTheTable) { EXPECT_EQ(mask_email(GetParam().input), GetParam().masked); }
INSTANTIATE_TEST_SUITE_P(Table, MaskEmail,
                         ::testing::Values(MaskCase{"rina.s@gmail.com", "r****@gmail.com"},
                                           MaskCase{"r@x.id", "r****@x.id"},  // the length stays hidden
                                           MaskCase{"budi.santoso@palembang.go.id", "b****@palembang.go.id"},
                                           MaskCase{" Rina.S@Gmail.com ", "R****@Gmail.com"},
                                           MaskCase{"\"a@b\"@example.id", "\"****@example.id"},
                                           MaskCase{"élodie@example.fr", "é****@example.fr"},
                                           MaskCase{"@gmail.com", "****@gmail.com"}, MaskCase{"rina", "r****"},
                                           MaskCase{"", ""}));

class MaskNik : public ::testing::TestWithParam<MaskCase> {};
TEST_P(MaskNik, FollowsTheTable) { EXPECT_EQ(mask_nik(GetParam().input), GetParam().masked); }
INSTANTIATE_TEST_SUITE_P(Table, MaskNik,
                         ::testing::Values(MaskCase{"1671010101900001", "1671********0001"},
                                           MaskCase{"1671 0101 0190 0001", "1671********0001"},
                                           MaskCase{"1671.01.010190.0001", "1671********0001"},
                                           MaskCase{"167101010190", "1671****0190"},  // 12: long
                                           MaskCase{"16710101019", "*********19"},    // 11: short
                                           MaskCase{"123", "*23"}, MaskCase{"12", "**"}, MaskCase{"", ""}));

class MaskName : public ::testing::TestWithParam<MaskCase> {};
TEST_P(MaskName, FollowsTheTable) { EXPECT_EQ(mask_name(GetParam().input), GetParam().masked); }
INSTANTIATE_TEST_SUITE_P(Table, MaskName,
                         ::testing::Values(MaskCase{"Rina Susanti", "R*** S******"},
                                           MaskCase{"Muhammad Rizky Pratama", "M******* R**** P******"},
                                           MaskCase{"Sukarno", "S******"}, MaskCase{"A", "A"},
                                           MaskCase{"  Rina  Susanti ", "R***  S******"},
                                           MaskCase{"Siti Nur'aini", "S*** N*******"},
                                           MaskCase{"Élodie Ñúñez", "É***** Ñ****"},
                                           MaskCase{"李小龙 Budi", "李** B***"},
                                           MaskCase{"\xF0\x9F\x98\x8A\xF0\x9F\x98\x8A Rina", "\xF0\x9F\x98\x8A* R***"},
                                           MaskCase{"", ""}, MaskCase{"   ", ""}));

}  // namespace
}  // namespace sigap::domain::identity
