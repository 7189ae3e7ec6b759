// Reporter contact details and map pins, as tables: a new rule is a new row.
#include "domain/complaints/contact.hpp"

#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace sigap::domain::complaints {
namespace {

using namespace std::chrono_literals;
using master_data::GeoPoint;

// Every text of an error: the summary and each field's message, both languages.
std::vector<std::string> texts_of(const Error& error) {
  std::vector<std::string> texts{error.message().id, error.message().en};
  for (const auto& field : error.fields()) {
    texts.push_back(field.message.id);
    texts.push_back(field.message.en);
  }
  return texts;
}

bool mentions(const Error& error, std::string_view fragment) {
  for (const auto& text : texts_of(error)) {
    if (text.find(fragment) != std::string::npos) return true;
  }
  return false;
}

std::string digits_of(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits;
}

void expect_both_languages(const Error& error) {
  EXPECT_FALSE(error.message().id.empty());
  EXPECT_FALSE(error.message().en.empty());
  for (const auto& field : error.fields()) {
    EXPECT_FALSE(field.message.id.empty()) << field.field;
    EXPECT_FALSE(field.message.en.empty()) << field.field;
    EXPECT_NE(field.message.id, field.message.en) << field.field;
  }
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

struct PhoneCase {
  std::string_view typed;
  std::string_view e164;  // empty: refused, and then `why` is part of the English message
  std::string_view why = {};
};

void PrintTo(const PhoneCase& row, std::ostream* out) {
  *out << '"' << row.typed << "\" -> " << (row.e164.empty() ? "refused: " : "") << row.e164 << row.why;
}

class IndonesianPhone : public ::testing::TestWithParam<PhoneCase> {};

TEST_P(IndonesianPhone, FollowsTheTable) {
  const auto& row = GetParam();
  auto phone = normalize_indonesian_phone(row.typed);
  if (!row.e164.empty()) {
    ASSERT_TRUE(phone.ok()) << phone.error().fields().at(0).message.en;
    EXPECT_EQ(*phone, row.e164);
    return;
  }
  ASSERT_FALSE(phone.ok()) << *phone;
  EXPECT_EQ(phone.error().code(), ErrorCode::validation);
  ASSERT_EQ(phone.error().fields().size(), 1U);
  EXPECT_EQ(phone.error().fields()[0].field, "phone");
  EXPECT_NE(phone.error().fields()[0].message.en.find(row.why), std::string::npos)
      << phone.error().fields()[0].message.en;
  expect_both_languages(phone.error());
  // Personal data: the number typed is never repeated back.
  auto digits = digits_of(row.typed);
  if (digits.size() >= 6) {
    for (const auto& text : texts_of(phone.error())) EXPECT_EQ(digits_of(text).find(digits), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Accepted, IndonesianPhone,
    ::testing::Values(
        PhoneCase{"0812-3456-7890", "+6281234567890"}, PhoneCase{"0812 3456 7890", "+6281234567890"},
        PhoneCase{"081234567890", "+6281234567890"}, PhoneCase{"6281234567890", "+6281234567890"},
        PhoneCase{"+62 812 3456 7890", "+6281234567890"}, PhoneCase{"+62-812-3456-7890", "+6281234567890"},
        PhoneCase{"+6281234567890", "+6281234567890"}, PhoneCase{"+62 0812 3456 7890", "+6281234567890"},
        PhoneCase{"62 0812 3456 7890", "+6281234567890"}, PhoneCase{"0062 812 3456 7890", "+6281234567890"},
        PhoneCase{"  0812.3456.7890  ", "+6281234567890"}, PhoneCase{"(0812) 3456-7890", "+6281234567890"},
        PhoneCase{"0811-234-567", "+62811234567"},        // shortest mobile: 9 digits after the 0
        PhoneCase{"0812-3456-78901", "+62812345678901"},  // longest mobile: 12 digits after the 0
        PhoneCase{"0899 1234 5678", "+6289912345678"},    // Three (Tri)
        PhoneCase{"(0711) 352 123", "+62711352123"},      // Palembang landline
        PhoneCase{"0711-352123", "+62711352123"}, PhoneCase{"+62 711 352123", "+62711352123"},
        PhoneCase{"(021) 2345 6789", "+622123456789"},      // Jakarta
        PhoneCase{"0967 123456", "+62967123456"},           // Jayapura
        PhoneCase{"0778-12345", "+6277812345"},             // shortest landline: 8 digits after the 0
        PhoneCase{"(0711) 1234 5678", "+6271112345678"}));  // longest landline: 11 digits after the 0

INSTANTIATE_TEST_SUITE_P(
    Refused, IndonesianPhone,
    ::testing::Values(
        PhoneCase{"", "", "Enter a phone number"}, PhoneCase{"   ", "", "Enter a phone number"},
        PhoneCase{"0812-3456-789O", "", "only hold digits"},  // letter O
        PhoneCase{"0812 abcd 7890", "", "only hold digits"}, PhoneCase{"0812-3456-7890 ext 12", "", "only hold digits"},
        PhoneCase{"0812/3456/7890", "", "only hold digits"}, PhoneCase{"++62 812 3456 7890", "", "only hold digits"},
        PhoneCase{"0812 +3456 7890", "", "only hold digits"},
        PhoneCase{"0812\xEF\xBC\x93"
                  "456",
                  "", "only hold digits"},  // a full-width digit
        PhoneCase{"+1 415 555 0123", "", "Only Indonesian"}, PhoneCase{"+44 20 7946 0958", "", "Only Indonesian"},
        PhoneCase{"+60 12 345 6789", "", "Only Indonesian"},  // Malaysia
        PhoneCase{"001 415 555 0123", "", "Only Indonesian"}, PhoneCase{"812 3456 7890", "", "starting with 0"},
        PhoneCase{"112", "", "starting with 0"}, PhoneCase{"0812-345", "", "mobile number is too short"},
        PhoneCase{"0812-3456-7", "", "mobile number is too short"},  // 8 digits after the 0
        PhoneCase{"0812-3456-789012", "", "mobile number is too long"},
        PhoneCase{"+62 812 3456 789012", "", "mobile number is too long"}, PhoneCase{"0711-123", "", "too short"},
        PhoneCase{"0711-1234", "", "too short"}, PhoneCase{"(0711) 1234 56789", "", "too long"},
        PhoneCase{"+62", "", "too short"}, PhoneCase{"0", "", "too short"},
        PhoneCase{"0812 3456 7890 1234 5678 9012", "", "too long"},
        PhoneCase{"0800-1-234-567", "", "Special numbers"},  // toll-free
        PhoneCase{"0809 123 4567", "", "Special numbers"}, PhoneCase{"0112", "", "Special numbers"},
        PhoneCase{"+62 112", "", "Special numbers"}, PhoneCase{"00", "", "Only Indonesian"}));

TEST(IndonesianPhoneField, NamesTheGivenField) {
  auto phone = normalize_indonesian_phone("0812", "reporter.phone");
  ASSERT_FALSE(phone.ok());
  ASSERT_EQ(phone.error().fields().size(), 1U);
  EXPECT_EQ(phone.error().fields()[0].field, "reporter.phone");
  EXPECT_EQ(phone.error().message().id, "Nomor telepon tidak valid.");
}

// ---------------------------------------------------------------------------------------------
// NIK

constexpr std::chrono::year_month_day kToday{2026y / std::chrono::May / 15};

struct NikCase {
  std::string_view nik;
  std::optional<NikFacts> facts;  // nullopt: refused, and then `why` is part of the English message
  std::string_view why = {};
};

void PrintTo(const NikCase& row, std::ostream* out) {
  // The NIKs in this table are made up; a real one would never be printed.
  *out << '"' << row.nik << "\" -> ";
  if (row.facts) {
    *out << row.facts->region_code << ' ' << static_cast<int>(row.facts->birth_date.year()) << '-'
         << static_cast<unsigned>(row.facts->birth_date.month()) << '-'
         << static_cast<unsigned>(row.facts->birth_date.day()) << (row.facts->female ? " female" : " male");
  } else {
    *out << "refused: " << row.why;
  }
}

NikFacts facts(std::string_view digits, std::string_view region, std::chrono::year_month_day born, bool female) {
  return NikFacts{std::string(digits), std::string(region), born, female};
}

NikCase refused(std::string_view nik, std::string_view why) { return NikCase{nik, std::nullopt, why}; }

class CheckNik : public ::testing::TestWithParam<NikCase> {};

TEST_P(CheckNik, FollowsTheTable) {
  const auto& row = GetParam();
  auto checked = check_nik(row.nik, kToday);
  if (row.facts) {
    ASSERT_TRUE(checked.ok()) << checked.error().fields().at(0).message.en;
    EXPECT_EQ(*checked, *row.facts);
    return;
  }
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().code(), ErrorCode::validation);
  ASSERT_EQ(checked.error().fields().size(), 1U);
  EXPECT_EQ(checked.error().fields()[0].field, "nik");
  EXPECT_NE(checked.error().fields()[0].message.en.find(row.why), std::string::npos)
      << checked.error().fields()[0].message.en;
  expect_both_languages(checked.error());
  // Personal data: no part of the NIK (its region, birth date or serial) is repeated back.
  auto digits = digits_of(row.nik);
  for (const auto& text : texts_of(checked.error())) {
    auto in_text = digits_of(text);
    for (std::size_t at = 0; at + 6 <= digits.size(); ++at) {
      EXPECT_EQ(in_text.find(digits.substr(at, 6)), std::string::npos) << text;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Accepted, CheckNik,
    ::testing::Values(
        NikCase{"1671011708850002", facts("1671011708850002", "16.71.01", 1985y / 8 / 17, false)},
        NikCase{"1671015708850002", facts("1671015708850002", "16.71.01", 1985y / 8 / 17, true)},  // 57 = 17 + 40
        NikCase{"3174050101000123", facts("3174050101000123", "31.74.05", 2000y / 1 / 1, false)},
        NikCase{"1671014101000123", facts("1671014101000123", "16.71.01", 2000y / 1 / 1, true)},  // 41: the 1st
        NikCase{"1671013112990001", facts("1671013112990001", "16.71.01", 1999y / 12 / 31, false)},
        NikCase{"1671017112990001", facts("1671017112990001", "16.71.01", 1999y / 12 / 31, true)},  // 71: the 31st
        // 29 February only in leap years; 2000 is one (divisible by 400).
        NikCase{"3273012902000001", facts("3273012902000001", "32.73.01", 2000y / 2 / 29, false)},
        NikCase{"3273016902960001", facts("3273016902960001", "32.73.01", 1996y / 2 / 29, true)},
        NikCase{"3273012902280001", facts("3273012902280001", "32.73.01", 1928y / 2 / 29, false)},  // 2028 is ahead
        // The century: the latest that does not put the birth after today (15 May 2026).
        NikCase{"1671011505260001", facts("1671011505260001", "16.71.01", 2026y / 5 / 15, false)},  // born today
        NikCase{"1671011605260001", facts("1671011605260001", "16.71.01", 1926y / 5 / 16, false)},  // tomorrow
        NikCase{"1671010101260001", facts("1671010101260001", "16.71.01", 2026y / 1 / 1, false)},
        NikCase{"1671010101270001", facts("1671010101270001", "16.71.01", 1927y / 1 / 1, false)},
        NikCase{"1671010101990001", facts("1671010101990001", "16.71.01", 1999y / 1 / 1, false)},
        // Every new province since 2022, and the regions just around Palembang.
        NikCase{"9301010101900001", facts("9301010101900001", "93.01.01", 1990y / 1 / 1, false)},
        NikCase{"9471010101900001", facts("9471010101900001", "94.71.01", 1990y / 1 / 1, false)},
        NikCase{"9501010101900001", facts("9501010101900001", "95.01.01", 1990y / 1 / 1, false)},
        NikCase{"9671010101900001", facts("9671010101900001", "96.71.01", 1990y / 1 / 1, false)},
        NikCase{"1101010101900001", facts("1101010101900001", "11.01.01", 1990y / 1 / 1, false)},
        NikCase{"1671 0101 0190 0001", facts("1671010101900001", "16.71.01", 1990y / 1 / 1, false)},
        NikCase{"16.71.01.010190.0001", facts("1671010101900001", "16.71.01", 1990y / 1 / 1, false)},
        NikCase{"1671-0101-0190-0001", facts("1671010101900001", "16.71.01", 1990y / 1 / 1, false)},
        NikCase{" 1671010101900001\t", facts("1671010101900001", "16.71.01", 1990y / 1 / 1, false)}));

INSTANTIATE_TEST_SUITE_P(
    Refused, CheckNik,
    ::testing::Values(refused("", "16 digits"), refused("167101010190001", "16 digits"),
                      refused("16710101019000012", "16 digits"), refused("1671010101900001 1", "16 digits"),
                      refused("16710101019000O1", "digits only"), refused("1671O10101900001", "digits only"),
                      refused("1671/0101/0190/0001", "digits only"), refused("NIK1671010101900001", "digits only"),
                      // Province codes that no province holds.
                      refused("0071010101900001", "province"), refused("1071010101900001", "province"),
                      refused("2071010101900001", "province"), refused("3771010101900001", "province"),
                      refused("5471010101900001", "province"), refused("6671010101900001", "province"),
                      refused("7771010101900001", "province"), refused("8371010101900001", "province"),
                      refused("9071010101900001", "province"), refused("9771010101900001", "province"),
                      refused("9971010101900001", "province"),
                      // Regency/city and district.
                      refused("1600010101900001", "cannot be 00"), refused("1671000101900001", "cannot be 00"),
                      // Day, month, and real dates.
                      refused("1671010001900001", "birth date"), refused("1671013201900001", "birth date"),
                      refused("1671014001900001", "birth date"), refused("1671017201900001", "birth date"),
                      refused("1671019901900001", "birth date"), refused("1671010100900001", "birth date"),
                      refused("1671010113900001", "birth date"), refused("1671013104900001", "birth date"),
                      refused("1671017104900001", "birth date"),  // 31 April, female
                      refused("1671013002900001", "birth date"),  // 30 February
                      refused("1671012902010001", "birth date"),  // 2001 is no leap year
                      refused("1671016902230001", "birth date"),  // nor 2023 (female)
                      // Serial number.
                      refused("1671010101900000", "serial")));

TEST(CheckNikCentury, DependsOnToday) {
  auto at_millennium = check_nik("3174050201000123", 2000y / 1 / 1);  // 2 January (20)00
  ASSERT_TRUE(at_millennium.ok());
  EXPECT_EQ(at_millennium->birth_date, 1900y / 1 / 2);
  auto a_day_later = check_nik("3174050201000123", 2000y / 1 / 2);
  ASSERT_TRUE(a_day_later.ok());
  EXPECT_EQ(a_day_later->birth_date, 2000y / 1 / 2);
  // 29 February 1900 never was: before 29 February 2000 the date is refused.
  EXPECT_FALSE(check_nik("3174052902000123", 2000y / 2 / 28).ok());
  EXPECT_TRUE(check_nik("3174052902000123", 2000y / 2 / 29).ok());
}

TEST(CheckNikField, NamesTheGivenField) {
  auto checked = check_nik("123", kToday, "reporter.nik");
  ASSERT_FALSE(checked.ok());
  ASSERT_EQ(checked.error().fields().size(), 1U);
  EXPECT_EQ(checked.error().fields()[0].field, "reporter.nik");
  EXPECT_EQ(checked.error().message().en, "Invalid NIK.");
}

// ---------------------------------------------------------------------------------------------
// E-mail

struct EmailCase {
  std::string_view typed;
  std::string_view normalized;  // empty: refused
};

void PrintTo(const EmailCase& row, std::ostream* out) {
  *out << '"' << row.typed << "\" -> " << (row.normalized.empty() ? "refused" : row.normalized);
}

class NormalizeEmail : public ::testing::TestWithParam<EmailCase> {};

TEST_P(NormalizeEmail, FollowsTheTable) {
  const auto& row = GetParam();
  auto email = normalize_email(row.typed);
  if (!row.normalized.empty()) {
    ASSERT_TRUE(email.ok()) << email.error().fields().at(0).message.en;
    EXPECT_EQ(*email, row.normalized);
    return;
  }
  ASSERT_FALSE(email.ok()) << *email;
  EXPECT_EQ(email.error().code(), ErrorCode::validation);
  ASSERT_EQ(email.error().fields().size(), 1U);
  EXPECT_EQ(email.error().fields()[0].field, "email");
  expect_both_languages(email.error());
  if (auto at = row.typed.find('@'); at != std::string_view::npos && at > 0) {
    EXPECT_FALSE(mentions(email.error(), row.typed.substr(0, at))) << "the address is never repeated back";
  }
}

const std::string kLongLocal(65, 'a');
const std::string kLongestLocal = std::string(64, 'a') + "@contoh.id";
const std::string kTooLong = "rina@" + std::string(63, 'a') + "." + std::string(63, 'b') + "." + std::string(63, 'c') +
                             "." + std::string(55, 'd') + ".id";  // 255 characters
const std::string kLongLocalAddress = kLongLocal + "@contoh.id";

INSTANTIATE_TEST_SUITE_P(
    Accepted, NormalizeEmail,
    ::testing::Values(EmailCase{" Rina.S@Gmail.COM ", "Rina.S@gmail.com"},
                      EmailCase{"budi@palembang.go.id", "budi@palembang.go.id"},
                      EmailCase{"BUDI@PALEMBANG.GO.ID", "BUDI@palembang.go.id"}, EmailCase{"a@b.co", "a@b.co"},
                      EmailCase{"warga+aduan@mail.contoh.id", "warga+aduan@mail.contoh.id"},
                      EmailCase{"o'neil@example.com", "o'neil@example.com"},
                      EmailCase{"dewi_lestari-99@sub-domain.contoh.id", "dewi_lestari-99@sub-domain.contoh.id"},
                      EmailCase{"siti@contoh.xn--p1ai", "siti@contoh.xn--p1ai"},
                      EmailCase{"s\xC3\xADti@contoh.id", "s\xC3\xADti@contoh.id"},  // UTF-8 mailbox (RFC 6531)
                      EmailCase{"\tpak.rt@contoh.id\n", "pak.rt@contoh.id"}, EmailCase{kLongestLocal, kLongestLocal}));

INSTANTIATE_TEST_SUITE_P(Refused, NormalizeEmail,
                         ::testing::Values(EmailCase{"", ""}, EmailCase{"   ", ""}, EmailCase{"rina", ""},
                                           EmailCase{"rina@", ""}, EmailCase{"@gmail.com", ""},
                                           EmailCase{"rina@gmail", ""}, EmailCase{"rina@@gmail.com", ""},
                                           EmailCase{"rina@gmail@com.id", ""}, EmailCase{"ri na@gmail.com", ""},
                                           EmailCase{"rina@gmail .com", ""}, EmailCase{"rina@gmail..com", ""},
                                           EmailCase{".rina@gmail.com", ""}, EmailCase{"rina.@gmail.com", ""},
                                           EmailCase{"ri..na@gmail.com", ""}, EmailCase{"rina@-gmail.com", ""},
                                           EmailCase{"rina@gmail-.com", ""}, EmailCase{"rina@gmail.c", ""},
                                           EmailCase{"rina@gmail.123", ""}, EmailCase{"rina@gmail,com", ""},
                                           EmailCase{"rina@gmail.com.", ""}, EmailCase{"rina@.gmail.com", ""},
                                           EmailCase{"rina@gm\xC3\xA1il.com", ""}, EmailCase{"rina<b>@gmail.com", ""},
                                           EmailCase{"\"rina\"@gmail.com", ""}, EmailCase{"rina@gmail.com\x7F", ""},
                                           EmailCase{"rina@gma_il.com", ""}, EmailCase{kLongLocalAddress, ""},
                                           EmailCase{kTooLong, ""}));

TEST(NormalizeEmailField, NamesTheGivenField) {
  auto email = normalize_email("rina", "reporter.email");
  ASSERT_FALSE(email.ok());
  ASSERT_EQ(email.error().fields().size(), 1U);
  EXPECT_EQ(email.error().fields()[0].field, "reporter.email");
}

TEST(NormalizeEmailLength, TheTooLongRowIsJustOverTheLimit) { EXPECT_EQ(kTooLong.size(), 255U); }

// ---------------------------------------------------------------------------------------------
// Location

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

struct LocationCase {
  std::string_view where;
  double latitude;
  double longitude;
  std::optional<double> accuracy_m;
  std::vector<std::string_view> bad_fields;  // empty: accepted
};

void PrintTo(const LocationCase& row, std::ostream* out) {
  *out << row.where << " (" << row.latitude << ", " << row.longitude << ")";
}

class CheckLocation : public ::testing::TestWithParam<LocationCase> {};

TEST_P(CheckLocation, FollowsTheTable) {
  const auto& row = GetParam();
  auto point = check_location(row.latitude, row.longitude, row.accuracy_m);
  if (row.bad_fields.empty()) {
    ASSERT_TRUE(point.ok()) << point.error().fields().at(0).message.en;
    EXPECT_EQ(*point, (GeoPoint{row.latitude, row.longitude}));
    return;
  }
  ASSERT_FALSE(point.ok());
  EXPECT_EQ(point.error().code(), ErrorCode::validation);
  ASSERT_EQ(point.error().fields().size(), row.bad_fields.size());
  for (std::size_t i = 0; i < row.bad_fields.size(); ++i) EXPECT_EQ(point.error().fields()[i].field, row.bad_fields[i]);
  expect_both_languages(point.error());
}

INSTANTIATE_TEST_SUITE_P(
    Accepted, CheckLocation,
    ::testing::Values(LocationCase{"Jembatan Ampera, Palembang", -2.9917, 104.7636, 12.5, {}},
                      LocationCase{"Palembang, no accuracy", -2.9761, 104.7754, std::nullopt, {}},
                      LocationCase{"Sabang", 5.8926, 95.3238, 30.0, {}},
                      LocationCase{"Merauke", -8.4932, 140.4018, 0.0, {}},
                      LocationCase{"Jayapura", -2.5330, 140.7170, 10000.0, {}},
                      LocationCase{"Rote Ndao", -10.7500, 123.0700, 5000.0, {}},
                      LocationCase{"Miangas", 5.5570, 126.5800, std::nullopt, {}},
                      LocationCase{"south-west corner", kMinLatitude, kMinLongitude, std::nullopt, {}},
                      LocationCase{"north-east corner", kMaxLatitude, kMaxLongitude, std::nullopt, {}},
                      LocationCase{"Singapore: inside the box", 1.2903, 103.8519, std::nullopt, {}}));

INSTANTIATE_TEST_SUITE_P(
    Refused, CheckLocation,
    ::testing::Values(LocationCase{"latitude 900", 900, 104.7754, std::nullopt, {"latitude"}},
                      LocationCase{"latitude -90", -90, 104.7754, std::nullopt, {"latitude"}},
                      LocationCase{"just north", 6.1001, 104.7754, std::nullopt, {"latitude"}},
                      LocationCase{"just south", -11.1001, 104.7754, std::nullopt, {"latitude"}},
                      LocationCase{"just west", -2.9761, 94.8999, std::nullopt, {"longitude"}},
                      LocationCase{"just east (Papua New Guinea)", -2.9761, 141.1001, std::nullopt, {"longitude"}},
                      LocationCase{"longitude 200", -2.9761, 200, std::nullopt, {"longitude"}},
                      LocationCase{"0, 0 (no fix)", 0, 0, std::nullopt, {"longitude"}},
                      LocationCase{"Sydney", -33.8688, 151.2093, std::nullopt, {"latitude", "longitude"}},
                      LocationCase{"Palembang swapped", 104.7754, -2.9761, std::nullopt, {"latitude", "longitude"}},
                      LocationCase{"NaN latitude", kNaN, 104.7754, std::nullopt, {"latitude"}},
                      LocationCase{"infinite longitude", -2.9761, kInf, std::nullopt, {"longitude"}},
                      LocationCase{"accuracy over 10 km", -2.9761, 104.7754, 10000.5, {"accuracy_m"}},
                      LocationCase{"negative accuracy", -2.9761, 104.7754, -1.0, {"accuracy_m"}},
                      LocationCase{"NaN accuracy", -2.9761, 104.7754, kNaN, {"accuracy_m"}},
                      LocationCase{"infinite accuracy", -2.9761, 104.7754, kInf, {"accuracy_m"}},
                      LocationCase{"everything wrong", 900, -900, -5.0, {"latitude", "longitude", "accuracy_m"}}));

TEST(CheckLocationSwap, SaysWhenLatitudeAndLongitudeLookSwapped) {
  auto swapped = check_location(104.7754, -2.9761, std::nullopt);
  ASSERT_FALSE(swapped.ok());
  EXPECT_TRUE(mentions(swapped.error(), "look swapped"));
  EXPECT_TRUE(mentions(swapped.error(), "tertukar"));
  auto far = check_location(-33.8688, 151.2093, std::nullopt);
  ASSERT_FALSE(far.ok());
  EXPECT_FALSE(mentions(far.error(), "swapped"));
}

// ---------------------------------------------------------------------------------------------
// Distance

TEST(DistanceM, IsZeroForOnePoint) {
  GeoPoint ampera{-2.9917, 104.7636};
  EXPECT_EQ(distance_m(ampera, ampera), 0.0);
}

TEST(DistanceM, OneDegreeOfLatitudeIsAbout111Kilometres) {
  // On the mean-radius sphere a degree along a meridian is 6,371,008.8 m x pi / 180.
  EXPECT_NEAR(distance_m({-3, 104.7}, {-2, 104.7}), 111195.080, 0.001);
  EXPECT_NEAR(distance_m({0, 104}, {0, 105}), 111195.080, 0.001);  // along the equator too
}

TEST(DistanceM, IsSymmetric) {
  GeoPoint a{-2.9761, 104.7754};
  GeoPoint b{-2.9917, 104.7636};
  EXPECT_DOUBLE_EQ(distance_m(a, b), distance_m(b, a));
}

TEST(DistanceM, PalembangToJakarta) {
  // Jembatan Ampera to Monas; cross-checked with an independent haversine implementation.
  EXPECT_NEAR(distance_m({-2.9917, 104.7636}, {-6.1754, 106.8272}), 421458.45, 0.5);
}

TEST(DistanceM, MeasuresTheDuplicateRadiusExactly) {
  // 150 m due north of a point in Palembang.
  GeoPoint origin{-2.9761, 104.7754};
  GeoPoint north{origin.latitude + 150.0 / 111195.08023353292, origin.longitude};
  EXPECT_NEAR(distance_m(origin, north), 150.0, 1e-6);
}

TEST(DistanceM, HalfwayRoundTheWorldStaysFinite) {
  EXPECT_NEAR(distance_m({0, 0}, {0, 180}), 20015114.442, 0.01);
  EXPECT_NEAR(distance_m({90, 0}, {-90, 0}), 20015114.442, 0.01);
}

}  // namespace
}  // namespace sigap::domain::complaints
