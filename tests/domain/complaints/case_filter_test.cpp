// Reading a case list filter from query parameters: what is accepted, and which parameter a
// refusal names.
#include "domain/complaints/case_filter.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"

namespace sigap::domain::complaints {
namespace {

using sla::UnitTimeZone;

Result<CaseFilter> parse(const QueryParams& params) {
  return parse_case_filter(params, UnitTimeZone::wib, staff_list_parameters());
}

TEST(CaseFilter, BadValuesAreRefusedNamingTheParameter) {
  struct Row {
    QueryParams params;
    std::string field;
  };
  const Row rows[] = {
      {{{"status", "gossip"}}, "status"},
      {{{"status", "submitted,gossip"}}, "status"},
      {{{"unit", "Dinas PUPR"}}, "unit"},
      {{{"category", "jalan'rusak"}}, "category"},
      {{{"region", "16.71.0"}}, "region"},
      {{{"region", "16.71.01.%"}}, "region"},
      {{{"channel", "pigeon"}}, "channel"},
      {{{"overdue", "yes"}}, "overdue"},
      {{{"submitted_from", "2026-02-30"}}, "submitted_from"},
      {{{"submitted_from", "yesterday"}}, "submitted_from"},
      {{{"submitted_to", "2026-11-01T25:00:00Z"}}, "submitted_to"},
      // Years a TimePoint cannot hold: refused, not overflowed (fuzz finding, http_request).
      {{{"submitted_to", "6026-11-26"}}, "submitted_to"},
      {{{"submitted_from", "9999-12-31T23:59:59Z"}}, "submitted_from"},
      {{{"sort", "due"}, {"cursor", "9999-12-31T23:59:59Z,12"}}, "cursor"},
      {{{"submitted_from", "2026-11-02"}, {"submitted_to", "2026-11-01"}}, "submitted_to"},
      {{{"q", "\"*()\""}}, "q"},
      {{{"q", std::string(501, 'a')}}, "q"},
      {{{"sort", "oldest"}}, "sort"},
      {{{"cursor", "abc"}}, "cursor"},
      {{{"cursor", "0"}}, "cursor"},
      {{{"sort", "due"}, {"cursor", "12"}}, "cursor"},             // a newest cursor with the due order
      {{{"sort", "due"}, {"cursor", "tomorrow,12"}}, "cursor"},
      {{{"limit", "0"}}, "limit"},
      {{{"limit", "101"}}, "limit"},
      {{{"limit", "ten"}}, "limit"},
      {{{"stauts", "submitted"}}, "stauts"},                       // a typo is not silently ignored
      {{{"unit", "dlhk"}, {"unit", "dinas-pupr"}}, "unit"},
  };
  for (const auto& row : rows) {
    auto filter = parse(row.params);
    ASSERT_FALSE(filter.ok()) << row.params.front().first << "=" << row.params.front().second;
    EXPECT_EQ(filter.error().code(), ErrorCode::validation);
    ASSERT_EQ(filter.error().fields().size(), 1U);
    EXPECT_EQ(filter.error().fields().front().field, row.field);
    EXPECT_FALSE(filter.error().fields().front().message.id.empty());
    EXPECT_FALSE(filter.error().fields().front().message.en.empty());
  }
}

TEST(CaseFilter, EveryProblemIsReportedAtOnce) {
  auto filter = parse({{"status", "x"}, {"limit", "0"}, {"sort", "y"}});
  ASSERT_FALSE(filter.ok());
  EXPECT_EQ(filter.error().fields().size(), 3U);
}

TEST(CaseFilter, GoodValuesAreRead) {
  auto filter = parse({{"status", "submitted,in_progress"},
                       {"status", "submitted"},
                       {"unit", "kecamatan-16.71.01"},
                       {"category", "jalan-rusak"},
                       {"region", "16.71.01"},
                       {"channel", "whatsapp"},
                       {"overdue", "true"},
                       {"submitted_from", "2026-11-01"},
                       {"submitted_to", "2026-11-30"},
                       {"q", "Jalan  berlubang, jalan!"},
                       {"sort", "due"},
                       {"cursor", "2026-11-20T09:00:00Z,42"},
                       {"limit", "100"}});
  ASSERT_TRUE(filter.ok()) << filter.error().fields().front().field;
  EXPECT_EQ(filter->statuses, (std::vector<Status>{Status::submitted, Status::in_progress}));
  EXPECT_EQ(filter->unit_code, "kecamatan-16.71.01");
  EXPECT_EQ(filter->category_code, "jalan-rusak");
  EXPECT_EQ(filter->region_code, "16.71.01");
  EXPECT_EQ(filter->channel, Channel::whatsapp);
  EXPECT_TRUE(filter->overdue);
  EXPECT_EQ(filter->submitted_from, parse_utc("2026-10-31T17:00:00Z")) << "midnight WIB";
  EXPECT_EQ(filter->submitted_before, parse_utc("2026-11-30T17:00:00Z")) << "the whole last day";
  EXPECT_EQ(filter->words, (std::vector<std::string>{"jalan", "berlubang"}));
  EXPECT_EQ(filter->sort, CaseSort::due);
  EXPECT_EQ(filter->cursor, (CaseCursor{"2026-11-20T09:00:00Z", 42}));
  EXPECT_EQ(filter->limit, 100);
}

TEST(CaseFilter, EmptyValuesDoNotNarrowAndDefaultsHold) {
  auto filter = parse({{"status", ""}, {"q", ""}, {"unit", ""}});
  ASSERT_TRUE(filter.ok());
  EXPECT_EQ(*filter, CaseFilter{});
  EXPECT_EQ(filter->limit, 50);
  EXPECT_EQ(filter->sort, CaseSort::newest);
}

TEST(CaseFilter, DateTimesMayCarryAnOffsetAndTheEndIsInclusive) {
  struct Row {
    std::string text;
    const char* from;
    const char* before;  // as submitted_to
  };
  const Row rows[] = {
      {"2026-11-01", "2026-10-31T17:00:00Z", "2026-11-01T17:00:00Z"},
      {"2026-11-01T08:00:00Z", "2026-11-01T08:00:00Z", "2026-11-01T08:00:01Z"},
      {"2026-11-01T15:00:00+07:00", "2026-11-01T08:00:00Z", "2026-11-01T08:00:01Z"},
      {"2026-11-01T08:00Z", "2026-11-01T08:00:00Z", "2026-11-01T08:00:01Z"},
  };
  for (const auto& row : rows) {
    auto from = parse_time_bound(row.text, UnitTimeZone::wib, false);
    auto to = parse_time_bound(row.text, UnitTimeZone::wib, true);
    EXPECT_EQ(from, parse_utc(row.from)) << row.text;
    EXPECT_EQ(to, parse_utc(row.before)) << row.text;
  }
  EXPECT_EQ(parse_time_bound("2026-11-01", UnitTimeZone::wit, false), parse_utc("2026-10-31T15:00:00Z"));
}

TEST(CaseFilter, SearchWordsAreLettersAndDigitsOnly) {
  struct Row {
    std::string text;
    std::vector<std::string> words;
  };
  const Row rows[] = {
      {"jalan berlubang", {"jalan", "berlubang"}},
      {"\"jalan\" NEAR(berlubang, 5)", {"jalan", "near", "berlubang", "5"}},
      {"lampu* OR -banjir", {"lampu", "or", "banjir"}},
      {"'; DROP TABLE complaints; --", {"drop", "table", "complaints"}},
      {"SD-3 jl.merdeka", {"sd", "3", "jl", "merdeka"}},
      {"jalan jalan JALAN", {"jalan"}},
      {"jalan 🚧 rusak", {"jalan", "🚧", "rusak"}},  // UTF-8 stays whole
      {"*() \"\" ^", {}},
  };
  for (const auto& row : rows) EXPECT_EQ(search_words(row.text), row.words) << row.text;
  EXPECT_EQ(search_words(std::string(100, 'x')).front().size(), 64U);
  std::string many;
  for (int i = 0; i < 30; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_EQ(search_words(many).size(), 16U);
}

TEST(CaseFilter, CursorsRoundTrip) {
  Complaint last;
  last.id = 42;
  EXPECT_EQ(format_case_cursor(CaseSort::newest, last), "42");
  EXPECT_EQ(format_case_cursor(CaseSort::due, last), ",42");
  last.due_at = parse_utc("2026-11-20T09:00:00Z");
  auto text = format_case_cursor(CaseSort::due, last);
  auto filter = parse({{"sort", "due"}, {"cursor", text}});
  ASSERT_TRUE(filter.ok());
  EXPECT_EQ(filter->cursor, (CaseCursor{"2026-11-20T09:00:00Z", 42}));
  filter = parse({{"sort", "due"}, {"cursor", ",42"}});
  ASSERT_TRUE(filter.ok());
  EXPECT_EQ(filter->cursor, (CaseCursor{"", 42}));
}

}  // namespace
}  // namespace sigap::domain::complaints
