// RFC 4180 parsing as the importers rely on it: quotes, "" escapes, CRLF, a BOM, blank lines,
// and an unclosed quote reported with the line it starts on.
#include "common/csv.hpp"

#include <gtest/gtest.h>

namespace sigap::csv {
namespace {

std::vector<Record> parsed(std::string_view text) {
  auto records = parse(text);
  EXPECT_TRUE(records.ok()) << records.error().message().en;
  return records.ok() ? records.value() : std::vector<Record>{};
}

TEST(Csv, SplitsPlainRecordsOnCommasAndNewlines) {
  EXPECT_EQ(parsed("code,name\n16,Sumatera Selatan\n"),
            (std::vector<Record>{{"code", "name"}, {"16", "Sumatera Selatan"}}));
}

TEST(Csv, LastRecordNeedsNoTrailingNewline) {
  EXPECT_EQ(parsed("a,b\n1,2"), (std::vector<Record>{{"a", "b"}, {"1", "2"}}));
}

TEST(Csv, QuotedFieldKeepsCommasAndNewlines) {
  EXPECT_EQ(parsed("code,name\n16.71,\"Palembang, Kota\"\n16.72,\"Dua\nBaris\"\n"),
            (std::vector<Record>{{"code", "name"}, {"16.71", "Palembang, Kota"}, {"16.72", "Dua\nBaris"}}));
}

TEST(Csv, DoubledQuoteInsideQuotesIsOneQuote) {
  EXPECT_EQ(parsed("\"Pasar \"\"16 Ilir\"\"\",x\n"), (std::vector<Record>{{"Pasar \"16 Ilir\"", "x"}}));
}

TEST(Csv, EmptyQuotedFieldIsAnEmptyField) {
  EXPECT_EQ(parsed("\"\"\n"), (std::vector<Record>{{""}}));
  EXPECT_EQ(parsed("a,\"\",c\n"), (std::vector<Record>{{"a", "", "c"}}));
}

TEST(Csv, EmptyFieldsBetweenCommasArePreserved) {
  EXPECT_EQ(parsed("16,,Sumatera Selatan\n,,\n"),
            (std::vector<Record>{{"16", "", "Sumatera Selatan"}, {"", "", ""}}));
}

TEST(Csv, CrLfLineEndsLeaveNoCarriageReturnInFields) {
  EXPECT_EQ(parsed("code,name\r\n16,Sumatera Selatan\r\n"),
            (std::vector<Record>{{"code", "name"}, {"16", "Sumatera Selatan"}}));
}

TEST(Csv, ByteOrderMarkIsIgnoredSoTheFirstHeaderMatches) {
  auto records = parsed("\xEF\xBB\xBF" "code,name\n16,Sumatera Selatan\n");
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0][0], "code");
}

TEST(Csv, BlankLinesAreSkipped) {
  EXPECT_EQ(parsed("\na,b\n\n\r\n1,2\n\n"), (std::vector<Record>{{"a", "b"}, {"1", "2"}}));
}

TEST(Csv, EmptyTextHasNoRecords) {
  EXPECT_TRUE(parsed("").empty());
  EXPECT_TRUE(parsed("\xEF\xBB\xBF").empty());
  EXPECT_TRUE(parsed("\n\r\n").empty());
}

TEST(Csv, UnclosedQuoteIsAnErrorNamingTheLineWhereItOpens) {
  auto records = parse("code,name\n16,Sumatera Selatan\n16.71,\"Kota Palembang\n16.72,Lain\n");
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.error().code(), ErrorCode::invalid_input);
  EXPECT_NE(records.error().message().en.find("line 3"), std::string::npos) << records.error().message().en;
  EXPECT_NE(records.error().message().id.find("baris 3"), std::string::npos) << records.error().message().id;
}

TEST(Csv, LineNumberOfUnclosedQuoteCountsNewlinesInsideEarlierQuotedFields) {
  auto records = parse("a,\"one\ntwo\"\nb,\"open\n");
  ASSERT_FALSE(records.ok());
  EXPECT_NE(records.error().message().en.find("line 3"), std::string::npos) << records.error().message().en;
}

TEST(Csv, ReportsTheLineEachRecordStartsOn) {
  std::vector<std::size_t> lines{99};
  auto records = parse("\xEF\xBB\xBF" "code,name\r\n\r\n16,\"Sumatera\nSelatan\"\r\n16.71,Kota Palembang\n\n\n16.72,x",
                       &lines);
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 4U);
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 3, 5, 8}));
}

}  // namespace
}  // namespace sigap::csv
