// Staff lists, the public list and the public figures on every backend: each filter narrows to
// exactly the expected cases, scope is never widened by a filter, paging is stable in both
// orders, free text is words (never search syntax), and the figures of a small known data set
// come out the same on SQLite and PostgreSQL.
#include <map>
#include <set>

#include "app/complaints/public_figures.hpp"
#include "app/master_data/demo_data.hpp"
#include "common/time_format.hpp"
#include "domain/complaints/case_filter.hpp"
#include "storage/contract/storage_backends.hpp"

namespace sigap::testing {
namespace {

namespace dc = domain::complaints;
using namespace std::chrono_literals;

TimePoint utc(const char* text) { return *parse_utc(text); }

// One case of the data set, by name; what is not given stays at its default.
struct Spec {
  std::string name;
  dc::Status status = dc::Status::submitted;
  std::string unit = "dinas-pupr";
  std::string category = "jalan-rusak";
  std::string region = "16.71.01.1001";
  dc::Channel channel = dc::Channel::web;
  const char* submitted = "2026-11-02T02:00:00Z";
  std::string description = "Jalan rusak di depan rumah warga";
  const char* due = nullptr;
  bool confidential = false;
  bool anonymous = false;
  std::string merged_into;  // the name of the master case
  std::optional<std::chrono::seconds> first_response_after;
  const char* resolved = nullptr;
  const char* resolve_due = nullptr;
  std::optional<int> rating;
};

class CaseListContract : public StorageContract {
 protected:
  void SetUp() override {
    StorageContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  }

  void add(const Spec& spec) {
    dc::Complaint complaint;
    complaint.public_code = "SGP-TEST-" + std::to_string(ids_.size() + 1000);
    complaint.reporter_secret_hash = "hash";
    complaint.status = spec.status;
    complaint.title = spec.name;
    complaint.description = spec.description;
    complaint.category_code = spec.category;
    complaint.region_code = spec.region;
    complaint.channel = spec.channel;
    complaint.unit_code = spec.unit;
    complaint.submitted_at = utc(spec.submitted);
    complaint.updated_at = complaint.submitted_at;
    complaint.confidential = spec.confidential;
    complaint.anonymous = spec.anonymous;
    complaint.location = domain::master_data::GeoPoint{-2.976149, 104.775431};
    complaint.address = "Jl. Merdeka No. 9";
    complaint.reporter.name = "Rahmat Hidayat";
    complaint.reporter.phone = "+6281234567890";
    if (spec.due) {
      complaint.due_at = utc(spec.due);
      complaint.sla_target = "resolve";
    }
    if (spec.first_response_after) complaint.first_response_at = complaint.submitted_at + *spec.first_response_after;
    if (spec.resolved) complaint.resolved_at = utc(spec.resolved);
    if (spec.resolve_due) complaint.deadlines.resolve = utc(spec.resolve_due);
    complaint.rating = spec.rating;
    if (!spec.merged_into.empty()) complaint.merged_into_id = ids_.at(spec.merged_into);
    std::int64_t id = 0;
    auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
      auto inserted = tx.complaints().insert(complaint);
      if (!inserted) return inserted.error();
      id = *inserted;
      complaint.id = id;
      return tx.complaints().update_state(complaint, complaint.version);  // the milestones
    });
    ASSERT_TRUE(written.ok()) << written.error().log_detail();
    ids_[spec.name] = id;
    names_[id] = spec.name;
  }

  // The list data set: five cases in two kecamatan, one confidential, one merged.
  void add_list_cases() {
    add({.name = "a", .status = dc::Status::submitted, .unit = "kelurahan-16.71.01.1001", .submitted = "2026-10-01T02:00:00Z",
         .description = "Jalan berlubang besar di depan sekolah dasar", .due = "2026-11-30T09:00:00Z"});
    add({.name = "b", .status = dc::Status::in_progress, .region = "16.71.01.1002", .channel = dc::Channel::whatsapp,
         .submitted = "2026-10-15T02:00:00Z", .description = "Lampu jalan mati sejak seminggu, gelap sekali",
         .due = "2026-11-20T09:00:00Z"});
    add({.name = "c", .status = dc::Status::resolved, .unit = "dlhk", .category = "sampah", .region = "16.71.02.1002",
         .channel = dc::Channel::sms, .submitted = "2026-11-01T02:00:00Z",
         .description = "Sampah menumpuk di pasar (bau) \"parah\" OR NEAR sekali"});
    add({.name = "d", .status = dc::Status::verified, .unit = "kecamatan-16.71.02", .category = "banjir-drainase",
         .region = "16.71.02.1003", .channel = dc::Channel::counter, .submitted = "2026-11-20T17:30:00Z",
         .description = "Saluran air tersumbat, banjir setiap hujan", .due = "2026-11-25T09:00:00Z",
         .confidential = true});
    add({.name = "e", .status = dc::Status::closed, .submitted = "2026-10-02T02:00:00Z",
         .description = "Jalan berlubang lagi di depan sekolah", .merged_into = "a"});
  }

  app::ports::CaseListQuery everywhere(const dc::QueryParams& params) {
    app::ports::CaseListQuery query;
    query.everywhere = true;
    query.now = now_;
    auto filter = dc::parse_case_filter(params, domain::sla::UnitTimeZone::wib, dc::staff_list_parameters());
    EXPECT_TRUE(filter.ok()) << (filter.ok() ? "" : filter.error().fields().front().field);
    if (filter) query.filter = *filter;
    return query;
  }

  // The names of the listed cases, in order.
  std::vector<std::string> names(const app::ports::CaseListQuery& query) {
    auto listed = storage_->complaints().list_cases(query);
    EXPECT_TRUE(listed.ok()) << (listed.ok() ? "" : listed.error().log_detail());
    std::vector<std::string> out;
    if (listed) {
      for (const auto& complaint : *listed) out.push_back(names_.at(complaint.id));
    }
    return out;
  }

  TimePoint now_ = utc("2026-11-26T03:00:00Z");
  std::map<std::string, std::int64_t> ids_;
  std::map<std::int64_t, std::string> names_;
};

using Names = std::vector<std::string>;

TEST_P(CaseListContract, EachFilterNarrowsToExactlyTheExpectedCases) {
  add_list_cases();
  struct Row {
    dc::QueryParams params;
    Names expected;  // newest first
  };
  const Row rows[] = {
      {{}, {"e", "d", "c", "b", "a"}},
      {{{"status", "submitted"}}, {"a"}},
      {{{"status", "submitted,in_progress"}}, {"b", "a"}},
      {{{"unit", "dinas-pupr"}}, {"e", "b"}},
      {{{"unit", "kecamatan-16.71.01"}}, {"a"}},  // its kelurahan office is below it
      {{{"unit", "pemkot-palembang"}}, {"e", "d", "c", "b", "a"}},
      {{{"category", "jalan-rusak"}}, {"e", "b", "a"}},
      {{{"region", "16.71.01"}}, {"e", "b", "a"}},  // a kecamatan holds its kelurahan
      {{{"region", "16.71.01.1001"}}, {"e", "a"}},
      {{{"region", "16.71.02.1003"}}, {"d"}},
      {{{"channel", "whatsapp"}}, {"b"}},
      {{{"overdue", "true"}}, {"d", "b"}},
      {{{"submitted_from", "2026-11-01"}}, {"d", "c"}},
      // d came in on 21 Nov at 00:30 WIB: not on the 20th in Palembang, though it was in UTC
      {{{"submitted_to", "2026-11-20"}}, {"e", "c", "b", "a"}},
      {{{"submitted_to", "2026-11-20T17:30:00Z"}}, {"e", "d", "c", "b", "a"}},
      {{{"submitted_from", "2026-10-02"}, {"submitted_to", "2026-10-31"}}, {"e", "b"}},
      {{{"q", "berlubang"}}, {"e", "a"}},
      {{{"q", "Jalan SEKOLAH"}}, {"e", "a"}},                     // every word, any case
      {{{"q", "lampu OR banjir"}}, {}},                            // OR is a word here
      {{{"q", "\"parah\" OR NEAR(pasar"}}, {"c"}},                 // so are NEAR and quotes
      {{{"q", "sampah*"}}, {"c"}},
      {{{"q", "pasar)"}}, {"c"}},
      {{{"q", "'; DROP TABLE complaints; --"}}, {}},
      {{{"q", "jalan"}, {"category", "jalan-rusak"}, {"status", "in_progress,submitted"}}, {"b", "a"}},
  };
  for (const auto& row : rows) {
    std::string label;
    for (const auto& [name, value] : row.params) label += name + "=" + value + " ";
    EXPECT_EQ(names(everywhere(row.params)), row.expected) << label;
  }
  EXPECT_EQ(names(everywhere({})).size(), 5U) << "a search that broke nothing: the table is still there";
}

TEST_P(CaseListContract, ACaseIsFoundByASearchAsSoonAsItIsStoredAndIndexedOnce) {
  add_list_cases();
  EXPECT_EQ(names(everywhere({{"q", "lampu"}})), Names{"b"}) << "a search finds what was just stored";
  add({.name = "f", .status = dc::Status::submitted, .submitted = "2026-11-25T02:00:00Z",
       .description = "Lampu taman padam di depan balai kelurahan"});
  EXPECT_EQ(names(everywhere({{"q", "lampu"}})), (Names{"f", "b"}));
  add({.name = "g", .status = dc::Status::submitted, .submitted = "2026-11-25T03:00:00Z",
       .description = "Pohon tumbang menutup jalan"});
  auto caught_up = storage_->catch_up_search_index();
  ASSERT_TRUE(caught_up.ok());
  EXPECT_EQ(*caught_up, GetParam() == "sqlite" ? 1U : 0U) << "SQLite indexes in batches; PostgreSQL as it writes";
  EXPECT_EQ(storage_->catch_up_search_index().value(), 0U) << "nothing twice";
  EXPECT_EQ(names(everywhere({{"q", "tumbang"}})), Names{"g"});
}

// A search's newest-first page is the same whether its matches are among the newest cases or far
// below them: PostgreSQL walks the newest 5,000 filtered cases first and searches below them only
// when the page is not full (case_walk_sql); both halves must join without a gap or a repeat.
TEST_P(CaseListContract, ASearchPageJoinsTheNewestCasesAndTheOlderOnesWithoutAGap) {
  constexpr int kCases = 5'600;
  std::vector<std::int64_t> rare;  // ids of the cases with the rare word, newest first
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    for (int i = 0; i < kCases; ++i) {
      dc::Complaint complaint;
      complaint.public_code = "SGP-WALK-" + std::to_string(i);
      complaint.reporter_secret_hash = "hash";
      complaint.category_code = "jalan-rusak";
      complaint.region_code = "16.71.01.1001";
      complaint.unit_code = "dinas-pupr";
      complaint.submitted_at = utc("2026-11-02T02:00:00Z") + std::chrono::seconds(i);
      complaint.updated_at = complaint.submitted_at;
      // Every 400th case says "ambles": 14 of them, 12 among the newest 5,000... and 2 below.
      complaint.description = i % 400 == 7 ? "Jalan ambles di tikungan" : "Jalan berlubang di depan pasar";
      auto inserted = tx.complaints().insert(complaint);
      if (!inserted) return inserted.error();
      if (i % 400 == 7) rare.insert(rare.begin(), *inserted);
    }
    return {};
  });
  ASSERT_TRUE(written.ok()) << written.error().log_detail();
  ASSERT_TRUE(storage_->catch_up_search_index().ok());
  auto ids = [&](const dc::QueryParams& params) {
    std::vector<std::int64_t> out;
    auto listed = storage_->complaints().list_cases(everywhere(params));
    EXPECT_TRUE(listed.ok()) << (listed.ok() ? "" : listed.error().log_detail());
    if (listed) {
      for (const auto& complaint : *listed) out.push_back(complaint.id);
    }
    return out;
  };
  EXPECT_EQ(ids({{"q", "ambles"}, {"category", "jalan-rusak"}, {"limit", "50"}}), rare) << "across the walk";
  auto first = ids({{"q", "ambles"}, {"limit", "13"}});
  ASSERT_EQ(first.size(), 13U);
  EXPECT_EQ(first, std::vector<std::int64_t>(rare.begin(), rare.begin() + 13));
  auto common = ids({{"q", "berlubang"}, {"status", "submitted"}, {"limit", "50"}});
  ASSERT_EQ(common.size(), 50U) << "a common word fills the page from the newest cases";
  EXPECT_TRUE(std::is_sorted(common.rbegin(), common.rend()));
  EXPECT_EQ(ids({{"q", "ambles"}, {"status", "closed"}}), std::vector<std::int64_t>{}) << "no case is closed";
  EXPECT_EQ(ids({{"q", "ambles"}, {"status", "closed,submitted"}, {"limit", "50"}}), rare) << "one page per status, merged";
}

TEST_P(CaseListContract, TheDueOrderPutsOverdueCasesFirstAndThoseWithoutADeadlineLast) {
  add_list_cases();
  EXPECT_EQ(names(everywhere({{"sort", "due"}})), (Names{"b", "d", "a", "e", "c"}));
  EXPECT_EQ(names(everywhere({{"sort", "due"}, {"status", "closed,resolved"}})), (Names{"e", "c"}))
      << "no clock runs: newest first";
}

TEST_P(CaseListContract, PagingWalksEveryCaseOnceInBothOrders) {
  add_list_cases();
  add({.name = "f", .due = "2026-11-20T09:00:00Z"});  // the same deadline as b: the id decides
  add({.name = "g"});
  for (auto [sort, q, expected] : {std::tuple{"newest", "", 7U}, std::tuple{"due", "", 7U},
                                   std::tuple{"newest", "jalan", 5U}, std::tuple{"due", "jalan", 5U}}) {
    auto all = names(everywhere({{"sort", sort}, {"q", q}}));
    ASSERT_EQ(all.size(), expected) << sort << " " << q;
    Names walked;
    std::optional<std::string> cursor;
    for (int page = 0; page < 10; ++page) {
      dc::QueryParams params{{"sort", sort}, {"limit", "2"}, {"q", q}};
      if (cursor) params.emplace_back("cursor", *cursor);
      auto query = everywhere(params);
      auto listed = storage_->complaints().list_cases(query);
      ASSERT_TRUE(listed.ok()) << listed.error().log_detail();
      for (const auto& complaint : *listed) walked.push_back(names_.at(complaint.id));
      if (listed->size() < 2) break;
      cursor = dc::format_case_cursor(query.filter.sort, listed->back());
    }
    EXPECT_EQ(walked, all) << sort << " " << q;
  }
}

TEST_P(CaseListContract, AUnitFilterNeverReachesOutsideTheCallersScope) {
  add_list_cases();
  auto scoped = [&](std::vector<std::string> roots, const std::string& unit) {
    auto query = everywhere({{"unit", unit}});
    query.everywhere = false;
    query.unit_roots = std::move(roots);
    return names(query);
  };
  EXPECT_EQ(scoped({"kecamatan-16.71.01"}, "dinas-pupr"), Names{}) << "another unit's cases never leak";
  EXPECT_EQ(scoped({"kecamatan-16.71.01"}, "kelurahan-16.71.01.1001"), Names{"a"});
  EXPECT_EQ(scoped({"kelurahan-16.71.01.1001"}, "kecamatan-16.71.01"), Names{"a"}) << "a wider filter stays in scope";
  EXPECT_EQ(scoped({"kelurahan-16.71.01.1001"}, "pemkot-palembang"), Names{"a"});
  EXPECT_EQ(scoped({"kecamatan-16.71.01"}, "no-such-unit"), Names{});
  EXPECT_EQ(scoped({"pemkot-palembang"}, ""), (Names{"e", "d", "c", "b", "a"})) << "the city covers every unit";
  EXPECT_EQ(scoped({"pemkot-palembang"}, "dlhk"), Names{"c"});
}

TEST_P(CaseListContract, CountsPerStatusFollowTheFiltersButNotTheStatus) {
  add_list_cases();
  auto query = everywhere({{"category", "jalan-rusak"}, {"status", "submitted"}});
  auto counts = storage_->complaints().count_by_status(query);
  ASSERT_TRUE(counts.ok()) << counts.error().log_detail();
  std::map<std::string, std::int64_t> by_status;
  for (const auto& count : *counts) by_status[std::string(dc::to_string(count.status))] = count.count;
  EXPECT_EQ(by_status, (std::map<std::string, std::int64_t>{{"closed", 1}, {"in_progress", 1}, {"submitted", 1}}));
  query.everywhere = false;
  query.unit_roots = {"dlhk"};
  counts = storage_->complaints().count_by_status(query);
  ASSERT_TRUE(counts.ok());
  EXPECT_TRUE(counts->empty());
}

TEST_P(CaseListContract, ThePublicListLeavesOutConfidentialAndMergedCasesAndReadsNoPersonalData) {
  add_list_cases();
  auto query = everywhere({});
  query.public_only = true;
  EXPECT_EQ(names(query), (Names{"c", "b", "a"}));
  auto listed = storage_->complaints().list_cases(query);
  ASSERT_TRUE(listed.ok());
  for (const auto& complaint : *listed) {
    EXPECT_EQ(complaint.reporter, dc::ReporterContact{});
    EXPECT_EQ(complaint.address, "");
    EXPECT_FALSE(complaint.reporter_user_id.has_value());
  }
  query = everywhere({{"region", "16.71.02"}});
  query.public_only = true;
  EXPECT_EQ(names(query), Names{"c"});
}

TEST_P(CaseListContract, AStaffListReadsNoPersonalDataEither) {
  add_list_cases();
  auto listed = storage_->complaints().list_cases(everywhere({{"q", "jalan"}}));
  ASSERT_TRUE(listed.ok());
  ASSERT_FALSE(listed->empty());
  for (const auto& complaint : *listed) {
    EXPECT_EQ(complaint.reporter, dc::ReporterContact{});
    EXPECT_EQ(complaint.address, "");
  }
  auto one = storage_->complaints().find_by_id(listed->front().id);
  ASSERT_TRUE(one.ok() && one->has_value());
  EXPECT_EQ((*one)->reporter.name, "Rahmat Hidayat") << "the case itself still has it";
}

TEST_P(CaseListContract, PublicFiguresOfAKnownDataSet) {
  auto hours = [](int n) { return std::chrono::seconds(n * 3600); };
  add({.name = "f1", .status = dc::Status::closed, .first_response_after = hours(1), .resolved = "2026-11-05T02:00:00Z",
       .resolve_due = "2026-11-10T02:00:00Z", .rating = 5});
  add({.name = "f2", .status = dc::Status::closed, .first_response_after = hours(3), .resolved = "2026-11-12T02:00:00Z",
       .resolve_due = "2026-11-10T02:00:00Z", .rating = 2});
  add({.name = "f3", .status = dc::Status::rejected});
  add({.name = "f4", .status = dc::Status::resolved, .unit = "dlhk", .category = "sampah", .first_response_after = hours(2),
       .resolved = "2026-11-06T02:00:00Z", .resolve_due = "2026-11-10T02:00:00Z"});
  add({.name = "f5", .status = dc::Status::closed, .unit = "dlhk", .category = "sampah", .merged_into = "f4"});
  add({.name = "f6", .status = dc::Status::in_progress, .unit = "dlhk", .category = "sampah",
       .first_response_after = hours(6)});
  add({.name = "f7", .status = dc::Status::closed, .unit = "dlhk", .submitted = "2026-09-15T02:00:00Z",
       .first_response_after = hours(100), .resolved = "2026-09-16T02:00:00Z", .rating = 1});  // before the period

  app::ports::OutcomeQuery period{utc("2026-10-31T17:00:00Z"), utc("2026-11-30T17:00:00Z")};
  auto figures = app::complaints::public_figures(*storage_, period);
  ASSERT_TRUE(figures.ok()) << figures.error().log_detail();
  const auto& city = figures->city;
  EXPECT_EQ(city.received, 6);
  EXPECT_EQ(city.open, 2);
  EXPECT_EQ(city.resolved, 3);
  EXPECT_EQ(city.fixed, 2);
  EXPECT_EQ(city.closed_without_fix, 2);  // rejected, merged
  EXPECT_EQ(city.first_responses, 4);
  EXPECT_EQ(city.median_first_response_seconds, 9000);  // 1 h, 2 h, 3 h, 6 h: between 2 h and 3 h
  EXPECT_EQ(city.resolved_with_deadline, 3);
  EXPECT_EQ(city.resolved_within_deadline, 2);
  ASSERT_TRUE(city.average_rating.has_value());
  EXPECT_DOUBLE_EQ(*city.average_rating, 3.5);

  ASSERT_EQ(figures->units.size(), 2U);
  const auto& pupr = figures->units[0];
  EXPECT_EQ(pupr.unit_code, "dinas-pupr");
  EXPECT_EQ(pupr.unit_name, "Dinas Pekerjaan Umum dan Penataan Ruang");
  EXPECT_EQ(pupr.figures.received, 3);
  EXPECT_EQ(pupr.figures.fixed, 2);
  EXPECT_EQ(pupr.figures.closed_without_fix, 1);
  EXPECT_EQ(pupr.figures.median_first_response_seconds, 7200);
  EXPECT_DOUBLE_EQ(*pupr.figures.within_deadline_share, 0.5);
  const auto& dlhk = figures->units[1];
  EXPECT_EQ(dlhk.unit_code, "dlhk");
  EXPECT_EQ(dlhk.figures.received, 3);
  EXPECT_EQ(dlhk.figures.open, 2);
  EXPECT_EQ(dlhk.figures.fixed, 0);
  EXPECT_EQ(dlhk.figures.closed_without_fix, 1);
  EXPECT_EQ(dlhk.figures.median_first_response_seconds, 14400);
  EXPECT_DOUBLE_EQ(*dlhk.figures.within_deadline_share, 1.0);
  EXPECT_FALSE(dlhk.figures.average_rating.has_value());

  auto all_time = app::complaints::public_figures(*storage_, {});
  ASSERT_TRUE(all_time.ok());
  EXPECT_EQ(all_time->city.received, 7);
  EXPECT_EQ(all_time->city.median_first_response_seconds, 10800);  // 1, 2, 3, 6, 100 h
}

SIGAP_STORAGE_CONTRACT(CaseListContract);

}  // namespace
}  // namespace sigap::testing
