// The dashboard figures on every backend (issue #6 item 2): a seeded random workload (intake,
// verify, assign, start, tunda and the reporter's answer, forward, reassign, resolve, reject,
// merge, confirm with a rating, dispute, SLA breaches by the watch, the clock crossing days)
// is fanned out by the outbox dispatcher, which keeps the figures; after every simulated day the
// summary must equal a full recomputation from the cases (computed here on its own, case by
// case), for every unit and rolled up; at the end a rebuild from scratch must find exactly the
// counters the dispatcher kept.
#include <map>
#include <random>
#include <set>

#include "app/complaints/act_on_case.hpp"
#include "app/complaints/reporter_actions.hpp"
#include "app/complaints/submit_complaint.hpp"
#include "app/dashboard/dashboard_summary.hpp"
#include "app/dashboard/figures_consumer.hpp"
#include "app/dashboard/rebuild_figures.hpp"
#include "app/master_data/demo_data.hpp"
#include "app/outbox/dispatch_outbox.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "app/sla/recompute_open_cases.hpp"
#include "domain/dashboard/case_contribution.hpp"
#include "domain/sla/time_zone.hpp"
#include "jobs/sla_watch.hpp"
#include "storage/contract/storage_backends.hpp"
#include "support/fake_clock.hpp"

namespace sigap::testing {
namespace {

namespace dc = domain::complaints;
namespace dd = domain::dashboard;
namespace ds = domain::sla;
namespace da = domain::access;
using namespace std::chrono_literals;

TimePoint wib(std::string_view text) {
  auto date = ds::parse_date(text.substr(0, 10));
  const int minute = std::stoi(std::string(text.substr(11, 2))) * 60 + std::stoi(std::string(text.substr(14, 2)));
  return ds::to_utc(date.value_or(ds::Date{}), minute, ds::UnitTimeZone::wib);
}

std::string describe(const dd::Figures& f) {
  auto opt = [](const std::optional<double>& v) { return v ? std::to_string(*v) : std::string("null"); };
  return "open " + std::to_string(f.open) + ", overdue " + std::to_string(f.overdue) + ", new " +
         std::to_string(f.new_today) + ", resolved " + std::to_string(f.resolved_today) + ", median " +
         opt(f.median_first_response_hours_7d) + ", within " + opt(f.within_sla_share_30d) + ", rating " +
         opt(f.average_rating) + " of " + std::to_string(f.rated_30d);
}

class DashboardContract : public StorageContract {
 protected:
  void SetUp() override {
    StorageContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
    clock_.set(wib("2026-08-03 08:00"));  // a Monday
    // Short limits, so that within the run cases are late and resolved past their deadline.
    ASSERT_TRUE(save_policy(1, 1, 2));
    rules_ = std::make_unique<app::sla::SlaRules>(*storage_, clock_, app::sla::indonesia_calendar());
    directory_ = std::make_unique<app::command_center::UnitDirectory>(*storage_, clock_);
    intake_ = std::make_unique<app::complaints::ComplaintIntake>(*storage_, clock_, *rules_,
                                                                 app::complaints::IntakeSettings{});
    watch_ = std::make_unique<jobs::SlaWatch>(*storage_, clock_, *rules_);
    dispatch_ = std::make_unique<app::outbox::OutboxDispatch>(*storage_, clock_,
                                                              std::vector<app::outbox::OutboxConsumer*>{&figures_});
    staff_.kind = da::ActorKind::staff;
    staff_.id = 7;
    staff_.name = "Rina";
    staff_.memberships = {{"pemkot-palembang", da::Role::supervisor}};
    leader_.kind = da::ActorKind::staff;
    leader_.id = 8;
    leader_.name = "Wali Kota";
    leader_.memberships = {{"pemkot-palembang", da::Role::leader}};
    auto units = storage_->units().list({});
    ASSERT_TRUE(units.ok());
    units_ = *units;
  }

  bool save_policy(int verify, int first_response, int resolve) {
    return storage_
        ->write([&](app::ports::Transaction& tx) {
          ds::SlaPolicy policy = ds::default_sla_policy();
          policy.verify = ds::SlaTarget::working_days(verify);
          policy.first_response = ds::SlaTarget::working_days(first_response);
          policy.resolve = ds::SlaTarget::working_days(resolve);
          return tx.sla().save_policy({"", "", policy}, TimePoint{});
        })
        .ok();
  }

  void submit(std::mt19937_64& random) {
    static const std::vector<std::string> categories{"air-bersih", "adminduk", "kesehatan"};
    static const std::vector<std::string> regions{"16.71.01.1001", "16.71.01.1002", "16.71.07.1005",
                                                  "16.71.02.1003"};
    app::complaints::SubmitRequest request;
    request.draft.description = "Laporan warga nomor " + std::to_string(cases_.size() + 1) + " tentang layanan publik";
    request.draft.category_code = categories[random() % categories.size()];
    request.draft.region_code = regions[random() % regions.size()];
    auto answer = intake_->submit(request, [](const auto&) { return std::string("{}"); });
    ASSERT_TRUE(answer.ok()) << (answer.ok() ? "" : answer.error().log_detail());
    cases_.push_back({answer->created->complaint.id, answer->created->complaint.public_code,
                      answer->created->reporter_secret});
  }

  // One random step on a random case: mostly what its status calls for next, sometimes any
  // action at all (refused when the state does not allow it, like a wrong click: nothing changes).
  void act(std::mt19937_64& random) {
    if (cases_.empty()) return;
    const auto& target = cases_[random() % cases_.size()];
    auto found = storage_->complaints().find_by_id(target.id);
    ASSERT_TRUE(found.ok() && found->has_value());
    static const std::map<dc::Status, std::vector<std::string>> next{
        {dc::Status::submitted, {"verify", "verify", "verify", "reject", "merge"}},
        {dc::Status::verified, {"assign", "assign", "assign", "forward", "ask_info", "reject"}},
        {dc::Status::assigned, {"start", "start", "start", "forward", "reassign", "ask_info"}},
        {dc::Status::in_progress, {"resolve", "resolve", "resolve", "ask_info", "forward", "reassign", "merge"}},
        {dc::Status::need_info, {"reply", "reply", "reply", "reject"}},
        {dc::Status::resolved, {"confirm", "dispute", "dispute"}},
        {dc::Status::reopened, {"start", "start", "resolve"}},
        {dc::Status::closed, {"dispute", "verify"}},
        {dc::Status::rejected, {"verify"}},
    };
    static const std::vector<std::string> any{"verify", "assign", "start", "ask_info", "forward", "reassign",
                                              "resolve", "reject", "merge", "confirm", "dispute", "reply"};
    const auto& choices = random() % 10 == 0 ? any : next.at((*found)->status);
    const auto action = choices[random() % choices.size()];
    if (action == "confirm" || action == "dispute" || action == "reply") {
      app::complaints::ReporterAction request;
      request.code = target.code;
      request.secret = target.secret;
      request.action = action;
      request.message = "Tanggapan pelapor atas penanganan";
      if (action == "confirm") request.rating = static_cast<int>(random() % 5) + 1;
      auto acted = app::complaints::act_as_reporter(*storage_, clock_, *rules_, request);
      if (acted.ok()) {
        ++done_[action];
      } else {
        refused_[action] = acted.error().message().en;
      }
      return;
    }
    static const std::vector<std::string> units{"kelurahan-16.71.01.1001", "kelurahan-16.71.01.1002",
                                                "kecamatan-16.71.07", "dinkes", "disdukcapil",
                                                "kelurahan-16.71.07.1005"};
    app::complaints::CaseAction request;
    request.action = action;
    request.reason = "alasan " + action;
    request.reject_reason = "spam";
    if (action == "forward" || action == "reassign") request.unit_code = units[random() % units.size()];
    if (action == "merge") request.merge_into = cases_[random() % cases_.size()].code;
    auto acted = app::complaints::act_on_case(*storage_, clock_, *rules_, staff_, target.id, request);
    if (acted.ok()) {
      ++done_[action];
    } else {
      refused_[action] = acted.error().message().en + " " + acted.error().log_detail();
    }
  }

  void dispatch() {
    auto fanned = dispatch_->dispatch_all();
    ASSERT_TRUE(fanned.ok()) << (fanned.ok() ? "" : fanned.error().log_detail());
  }

  // The full recomputation: every case read back and counted where it is held now, on that
  // unit's wall clock, then added up every unit's chain of parents.
  std::map<std::string, dd::FigureTotals> recompute() {
    const auto now = clock_.now();
    std::map<std::string, const domain::master_data::Unit*> unit_of;
    for (const auto& unit : units_) unit_of[unit.code] = &unit;
    std::map<std::string, dd::FigureTotals> totals;
    for (const auto& known : cases_) {
      auto found = storage_->complaints().find_by_id(known.id);
      EXPECT_TRUE(found.ok() && found->has_value());
      if (!found.ok() || !found->has_value()) continue;
      const auto& c = **found;
      const auto* unit = unit_of.at(c.unit_code);
      auto named = ds::time_zone_from_name(unit->time_zone);
      const auto zone = named ? *named : ds::UnitTimeZone::wib;
      const auto today = ds::local_date(now, zone);
      // Whole local days since `at`; a day after today (a clock set back) counts in no window.
      auto age = [&](TimePoint at) {
        auto days = (std::chrono::sys_days(today) - std::chrono::sys_days(ds::local_date(at, zone))).count();
        return days < 0 ? 1000 : days;
      };
      dd::FigureTotals own;
      const bool merged = c.merged_into_id.has_value();
      const bool open = !merged && c.status != dc::Status::resolved && c.status != dc::Status::closed &&
                        c.status != dc::Status::rejected;
      own.open = open ? 1 : 0;
      own.overdue = open && c.sla_level >= 2 ? 1 : 0;
      own.new_today = age(c.submitted_at) == 0 ? 1 : 0;
      const bool fixed = !merged && (c.status == dc::Status::resolved || c.status == dc::Status::closed);
      if (fixed && c.resolved_at) {
        own.resolved_today = age(*c.resolved_at) == 0 ? 1 : 0;
        if (c.deadlines.resolve && age(*c.resolved_at) < 30) {
          (*c.resolved_at <= *c.deadlines.resolve ? own.within_sla_30d : own.breached_30d) = 1;
        }
      }
      if (c.first_response_at && age(*c.first_response_at) < 7) {
        own.responses_7d[static_cast<std::size_t>(dd::first_response_bucket(*c.first_response_at - c.submitted_at))] = 1;
      }
      if (c.rating && age(c.closed_at.value_or(c.resolved_at.value_or(c.submitted_at))) < 30) {
        own.rating_sum_30d = *c.rating;
        own.rating_count_30d = 1;
      }
      for (const auto* at = unit; at; at = at->parent_code.empty() ? nullptr : unit_of.at(at->parent_code)) {
        totals[at->code] += own;
      }
    }
    return totals;
  }

  // The summary of the whole city (every unit) must equal the recomputation.
  void expect_figures_equal(const std::string& when) {
    auto summary = app::dashboard::DashboardSummaryQuery(*storage_, clock_, *rules_, *directory_)
                       .summary(leader_, {"", true});
    ASSERT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.error().log_detail());
    auto expected = recompute();
    EXPECT_EQ(summary->scope.code, "pemkot-palembang");
    EXPECT_EQ(describe(summary->figures), describe(dd::figures_of(expected["pemkot-palembang"])))
        << when << ": the city";
    EXPECT_EQ(summary->units.size() + 1, units_.size()) << "depth=all lists every unit under the city";
    for (const auto& item : summary->units) {
      EXPECT_EQ(describe(item.figures), describe(dd::figures_of(expected[item.unit->code])))
          << when << ": " << item.unit->code;
    }
    const auto& city = expected["pemkot-palembang"];
    saw_overdue_ = saw_overdue_ || city.overdue > 0;
    saw_new_today_ = saw_new_today_ || city.new_today > 0;
    saw_resolved_today_ = saw_resolved_today_ || city.resolved_today > 0;
    saw_rating_ = saw_rating_ || city.rating_count_30d > 0;
    saw_breach_ = saw_breach_ || city.breached_30d > 0;
  }

  struct Known {
    std::int64_t id;
    std::string code;
    std::string secret;
  };

  FakeClock clock_;
  std::unique_ptr<app::sla::SlaRules> rules_;
  std::unique_ptr<app::command_center::UnitDirectory> directory_;
  std::unique_ptr<app::complaints::ComplaintIntake> intake_;
  std::unique_ptr<jobs::SlaWatch> watch_;
  app::dashboard::FiguresConsumer figures_;
  std::unique_ptr<app::outbox::OutboxDispatch> dispatch_;
  da::Actor staff_;
  da::Actor leader_;
  std::vector<domain::master_data::Unit> units_;
  std::vector<Known> cases_;
  std::map<std::string, int> done_;
  std::map<std::string, std::string> refused_;  // the last refusal of each action
  bool saw_overdue_ = false, saw_new_today_ = false, saw_resolved_today_ = false, saw_rating_ = false,
       saw_breach_ = false;
};

TEST_P(DashboardContract, IncrementalFiguresEqualAFullRecomputationAndARebuild) {
  std::mt19937_64 random(20260803);
  auto day = wib("2026-08-03 07:00");
  for (int d = 0; d < 24; ++d, day += 24h) {
    // From 07:00 into the evening (never past 22:00: the clock only moves forward); the watch
    // and the dispatcher run now and then.
    auto now = day + std::chrono::minutes(random() % 60);
    const int steps = 12 + static_cast<int>(random() % 10);
    for (int step = 0; step < steps; ++step) {
      now = std::min(now + std::chrono::minutes(10 + random() % 50), day + 15h);
      clock_.set(now);
      const auto draw = random() % 100;
      if (draw < 20 && d < 18) {
        ASSERT_NO_FATAL_FAILURE(submit(random));
      } else if (draw < 90) {
        ASSERT_NO_FATAL_FAILURE(act(random));
      } else if (draw < 95) {
        ASSERT_TRUE(watch_->run_once().ok());
      } else {
        ASSERT_NO_FATAL_FAILURE(dispatch());
      }
    }
    if (d == 12) {
      // An admin lengthens the limits: open cases get later deadlines (and lower levels) with
      // no event; the recomputation refreshes their figures itself.
      ASSERT_TRUE(save_policy(3, 5, 10));
      rules_->invalidate();
      ASSERT_TRUE(app::sla::recompute_open_cases(*storage_, *rules_, clock_).ok());
    }
    ASSERT_TRUE(watch_->run_once().ok());
    ASSERT_NO_FATAL_FAILURE(dispatch());
    ASSERT_NO_FATAL_FAILURE(expect_figures_equal("day " + std::to_string(d)));
    // Just before and after midnight: "today" moves on with nothing written.
    clock_.set(day + 16h + 59min);
    ASSERT_NO_FATAL_FAILURE(expect_figures_equal("day " + std::to_string(d) + " 23:59"));
    clock_.set(day + 17h);
    ASSERT_NO_FATAL_FAILURE(expect_figures_equal("day " + std::to_string(d + 1) + " 00:00"));
  }
  // The workload did what it says.
  for (const auto* action : {"verify", "assign", "start", "ask_info", "forward", "reassign", "resolve", "reject",
                             "merge", "confirm", "dispute", "reply"}) {
    EXPECT_GT(done_[action], 0) << action << " never happened; last refused: " << refused_[action];
  }
  EXPECT_TRUE(saw_overdue_ && saw_new_today_ && saw_resolved_today_ && saw_rating_ && saw_breach_)
      << saw_overdue_ << saw_new_today_ << saw_resolved_today_ << saw_rating_ << saw_breach_;

  // The other way: counting everything again from scratch finds what the dispatcher kept.
  auto kept = storage_->dashboard().all_counts();
  ASSERT_TRUE(kept.ok());
  EXPECT_FALSE(kept->empty());
  auto rebuilt = app::dashboard::rebuild_figures(*storage_, clock_);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().log_detail();
  EXPECT_EQ(rebuilt->cases, static_cast<std::int64_t>(cases_.size()));
  auto recounted = storage_->dashboard().all_counts();
  ASSERT_TRUE(recounted.ok());
  EXPECT_EQ(kept->units, recounted->units);
  EXPECT_EQ(kept->days.size(), recounted->days.size());
  EXPECT_TRUE(*kept == *recounted) << "the rebuild differs from the incremental counters";
  ASSERT_NO_FATAL_FAILURE(expect_figures_equal("after the rebuild"));
  // And dispatching again changes nothing: every contribution is already current.
  ASSERT_NO_FATAL_FAILURE(dispatch());
  auto again = storage_->dashboard().all_counts();
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(*again == *recounted);
}

TEST_P(DashboardContract, FiguresWaitForTheDispatcherAndNameTheLastEventTheyInclude) {
  std::mt19937_64 random(7);
  ASSERT_NO_FATAL_FAILURE(submit(random));
  // One query throughout, as the server has: what it keeps must not outlive a dispatch.
  app::dashboard::DashboardSummaryQuery kept(*storage_, clock_, *rules_, *directory_);
  auto summary = [&] {
    auto read = kept.summary(leader_, {});
    EXPECT_TRUE(read.ok());
    return read.ok() ? *read : app::dashboard::DashboardSummary{};
  };
  auto before = summary();
  EXPECT_EQ(before.figures.new_today, 0) << "not fanned out yet";
  EXPECT_EQ(before.last_event_id, 0);
  ASSERT_NO_FATAL_FAILURE(dispatch());
  auto after = summary();
  EXPECT_EQ(after.figures.new_today, 1);
  EXPECT_EQ(after.figures.open, 1);
  EXPECT_EQ(after.last_event_id, 1);
  EXPECT_EQ(after.scope.code, "pemkot-palembang");
  EXPECT_FALSE(after.units.empty());
  // An officer of a kelurahan sees its kelurahan by default, and no other.
  da::Actor officer;
  officer.kind = da::ActorKind::staff;
  officer.id = 9;
  officer.memberships = {{"kelurahan-16.71.01.1001", da::Role::officer}};
  app::dashboard::DashboardSummaryQuery query(*storage_, clock_, *rules_, *directory_);
  auto own = query.summary(officer, {});
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->scope.code, "kelurahan-16.71.01.1001");
  auto other = query.summary(officer, {"kelurahan-16.71.01.1002", false});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code(), ErrorCode::forbidden);
  auto unknown = query.summary(leader_, {"kelurahan-nowhere", false});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code(), ErrorCode::not_found);
}

TEST_P(DashboardContract, AChangeOfTheCountersWithoutAnEventIsSeenByAQueryThatKeptTheFigures) {
  // The SLA watch refreshes a case's contribution without an event (a deadline moved): the
  // counters change, the dispatch number does not. The revision (migration 0022) tells.
  std::mt19937_64 random(5);
  ASSERT_NO_FATAL_FAILURE(submit(random));
  ASSERT_NO_FATAL_FAILURE(dispatch());
  app::dashboard::DashboardSummaryQuery kept(*storage_, clock_, *rules_, *directory_);
  auto before = kept.summary(leader_, {});
  ASSERT_TRUE(before.ok());
  domain::dashboard::FigureCounts delta;
  delta.units["pemkot-palembang"].overdue = 1;
  ASSERT_TRUE(storage_->write([&](app::ports::Transaction& tx) { return tx.dashboard().add_counts(delta); }).ok());
  auto after = kept.summary(leader_, {});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->last_event_id, before->last_event_id);
  EXPECT_EQ(after->figures.overdue, before->figures.overdue + 1);
}

TEST_P(DashboardContract, CasesStoredBehindTheOutboxAreCountedByTheRebuild) {
  std::mt19937_64 random(11);
  for (int i = 0; i < 3; ++i) ASSERT_NO_FATAL_FAILURE(submit(random));
  // As after `sigap generate`: the figures know nothing of the cases until rebuilt.
  ASSERT_TRUE(storage_->write([](app::ports::Transaction& tx) { return tx.dashboard().clear(); }).ok());
  EXPECT_FALSE(*storage_->dashboard().built());
  app::dashboard::DashboardSummaryQuery kept(*storage_, clock_, *rules_, *directory_);  // one query, as the server has
  auto waiting = kept.summary(leader_, {});
  ASSERT_FALSE(waiting.ok());
  EXPECT_EQ(waiting.error().code(), ErrorCode::unavailable);
  ASSERT_NO_FATAL_FAILURE(dispatch());  // the dispatcher leaves unbuilt figures alone
  EXPECT_TRUE(storage_->dashboard().all_counts()->empty());
  std::vector<std::int64_t> progress;
  auto rebuilt = app::dashboard::rebuild_if_needed(*storage_, clock_,
                                                    [&](std::int64_t done, std::int64_t) { progress.push_back(done); });
  ASSERT_TRUE(rebuilt.ok());
  ASSERT_TRUE(rebuilt->has_value());
  EXPECT_EQ((*rebuilt)->cases, 3);
  EXPECT_EQ(progress, std::vector<std::int64_t>{3});
  auto again = app::dashboard::rebuild_if_needed(*storage_, clock_);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value()) << "built once is enough";
  ASSERT_NO_FATAL_FAILURE(expect_figures_equal("after the rebuild"));
  auto built = kept.summary(leader_, {});
  ASSERT_TRUE(built.ok()) << "what was read before the rebuild is not served after it";
  EXPECT_EQ(built->figures.new_today, 3);
}

SIGAP_STORAGE_CONTRACT(DashboardContract);

}  // namespace
}  // namespace sigap::testing
