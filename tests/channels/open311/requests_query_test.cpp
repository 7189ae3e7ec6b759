// The filters of GeoReport v2 GET requests: the default window of 90 days, its limit, the lists.
#include "channels/open311/requests_query.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"

namespace sigap::channels::open311 {
namespace {

const TimePoint kNow = *parse_utc("2026-11-26T03:00:00Z");

std::vector<std::string> refused(const FormPairs& params) {
  auto query = read_requests_query(params, kNow);
  EXPECT_FALSE(query.ok());
  std::vector<std::string> fields;
  if (!query.ok()) {
    for (const auto& field : query.error().fields()) fields.push_back(field.field);
  }
  return fields;
}

TEST(RequestsQuery, WithoutDatesTheWindowIsTheLast90Days) {
  auto query = read_requests_query({}, kNow);
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(format_utc(query->to), "2026-11-26T03:00:00Z");
  EXPECT_EQ(format_utc(query->from), "2026-08-28T03:00:00Z");
  EXPECT_FALSE(query->open.has_value());
  EXPECT_TRUE(query->ids.empty());
  EXPECT_TRUE(query->service_codes.empty());
}

TEST(RequestsQuery, TheSpecificationsSampleQuery) {
  auto query = read_requests_query({{"start_date", "2010-05-24T00:00:00Z"},
                                    {"end_date", "2010-06-24T00:00:00Z"},
                                    {"status", "open"},
                                    {"jurisdiction_id", "city.gov"}},
                                   kNow);
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(format_utc(query->from), "2010-05-24T00:00:00Z");
  EXPECT_EQ(format_utc(query->to), "2010-06-24T00:00:00Z");
  EXPECT_EQ(query->open, true);
}

TEST(RequestsQuery, OneDateAloneSpans90DaysFromIt) {
  auto from_start = read_requests_query({{"start_date", "2026-01-01T07:00:00+07:00"}}, kNow);
  ASSERT_TRUE(from_start.ok());
  EXPECT_EQ(format_utc(from_start->from), "2026-01-01T00:00:00Z");
  EXPECT_EQ(format_utc(from_start->to), "2026-04-01T00:00:00Z");
  auto to_end = read_requests_query({{"end_date", "2026-04-01T00:00:00Z"}}, kNow);
  ASSERT_TRUE(to_end.ok());
  EXPECT_EQ(format_utc(to_end->from), "2026-01-01T00:00:00Z");
}

TEST(RequestsQuery, ListsAreCommaSeparatedAndBothStatusesMeanAll) {
  auto query = read_requests_query({{"service_request_id", "SGP-7KX3-QM2D, SGP-AAAA-BBBB,,SGP-7KX3-QM2D"},
                                    {"service_code", "banjir-drainase,jalan-rusak"},
                                    {"status", "open,closed"},
                                    {"api_key", "ignored on reads"}},
                                   kNow);
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->ids, (std::vector<std::string>{"SGP-7KX3-QM2D", "SGP-AAAA-BBBB"}));
  EXPECT_EQ(query->service_codes, (std::vector<std::string>{"banjir-drainase", "jalan-rusak"}));
  EXPECT_FALSE(query->open.has_value());
  EXPECT_EQ(read_requests_query({{"status", "closed"}}, kNow)->open, false);
  EXPECT_TRUE(read_requests_query({{"status", ""}, {"start_date", ""}}, kNow).ok()) << "empty means absent";
}

TEST(RequestsQuery, BadValuesAreNamed) {
  EXPECT_EQ(refused({{"start_date", "2026-11-01"}}), (std::vector<std::string>{"start_date"})) << "no zone";
  EXPECT_EQ(refused({{"end_date", "kemarin"}}), (std::vector<std::string>{"end_date"}));
  EXPECT_EQ(refused({{"start_date", "2026-01-01T00:00:00Z"}, {"end_date", "2026-04-02T00:00:00Z"}}),
            (std::vector<std::string>{"end_date"}))
      << "more than 90 days";
  EXPECT_EQ(refused({{"start_date", "2026-02-01T00:00:00Z"}, {"end_date", "2026-01-01T00:00:00Z"}}),
            (std::vector<std::string>{"end_date"}))
      << "ends before it starts";
  EXPECT_EQ(refused({{"status", "pending"}}), (std::vector<std::string>{"status"}));
  EXPECT_EQ(refused({{"page", "2"}}), (std::vector<std::string>{"page"}));
  EXPECT_EQ(refused({{"status", "open"}, {"status", "closed"}}), (std::vector<std::string>{"status"}));
  std::string many;
  for (int i = 0; i <= 1000; ++i) many += "SGP-" + std::to_string(i) + ",";
  EXPECT_EQ(refused({{"service_request_id", many}}), (std::vector<std::string>{"service_request_id"}));
}

}  // namespace
}  // namespace sigap::channels::open311
