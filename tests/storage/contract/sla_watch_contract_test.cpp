// The SLA clock on every backend: intake holds a case to its first deadline, workflow changes
// move the deadlines (verification, forwarding to a unit with its own policy, tunda), the watch
// warns at 75 %, escalates to the supervisor at the deadline and to the parent unit after a
// further quarter, closes resolved cases after a silent dispute window, raises one alert for a
// year without a calendar, and policy changes recompute the open cases. Time is a fake clock.
#include <algorithm>

#include "app/complaints/act_on_case.hpp"
#include "app/complaints/reporter_actions.hpp"
#include "app/complaints/submit_complaint.hpp"
#include "app/master_data/demo_data.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "app/sla/recompute_open_cases.hpp"
#include "common/time_format.hpp"
#include "domain/sla/time_zone.hpp"
#include "jobs/sla_watch.hpp"
#include "storage/contract/storage_backends.hpp"
#include "support/fake_clock.hpp"

namespace sigap::testing {
namespace {

namespace dc = domain::complaints;
namespace ds = domain::sla;
using namespace std::chrono_literals;

// "2026-08-04 10:00" on Palembang's wall clock (WIB).
TimePoint wib(std::string_view text) {
  auto date = ds::parse_date(text.substr(0, 10));
  EXPECT_TRUE(date.has_value()) << text;
  const int minute = std::stoi(std::string(text.substr(11, 2))) * 60 + std::stoi(std::string(text.substr(14, 2)));
  return ds::to_utc(date.value_or(ds::Date{}), minute, ds::UnitTimeZone::wib);
}

class SlaWatchContract : public StorageContract {
 protected:
  void SetUp() override {
    StorageContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
    rules_ = std::make_unique<app::sla::SlaRules>(*storage_, clock_, app::sla::indonesia_calendar());
    intake_ = std::make_unique<app::complaints::ComplaintIntake>(*storage_, clock_, *rules_,
                                                                 app::complaints::IntakeSettings{});
    watch_ = std::make_unique<jobs::SlaWatch>(*storage_, clock_, *rules_);
    staff_.kind = domain::access::ActorKind::staff;
    staff_.id = 7;
    staff_.name = "Rina";
    staff_.memberships = {{"pemkot-palembang", domain::access::Role::supervisor}};
  }

  struct Submitted {
    dc::Complaint complaint;
    std::string secret;
  };

  // A report about water supply (Tirta Musi, not field work), received at `when`.
  Submitted submit(TimePoint when) {
    clock_.set(when);
    app::complaints::SubmitRequest request;
    request.draft.description = "Air PDAM tidak mengalir sudah tiga hari di rumah kami";
    request.draft.category_code = "air-bersih";
    request.draft.region_code = "16.71.01.1001";
    auto answer = intake_->submit(request, [](const auto&) { return std::string("{}"); });
    EXPECT_TRUE(answer.ok()) << (answer.ok() ? "" : answer.error().log_detail());
    if (!answer.ok()) return {};
    return {answer->created->complaint, answer->created->reporter_secret};
  }

  dc::Complaint act(std::int64_t id, const std::string& action, std::string unit = {}) {
    app::complaints::CaseAction request;
    request.action = action;
    request.reason = "alasan " + action;
    request.unit_code = std::move(unit);
    auto done = app::complaints::act_on_case(*storage_, clock_, *rules_, staff_, id, request);
    EXPECT_TRUE(done.ok()) << action << ": " << (done.ok() ? "" : done.error().message().en);
    return done.ok() ? *done : dc::Complaint{};
  }

  dc::Complaint stored(std::int64_t id) {
    auto found = storage_->complaints().find_by_id(id);
    EXPECT_TRUE(found.ok() && found->has_value());
    return found.ok() && found->has_value() ? **found : dc::Complaint{};
  }

  std::optional<TimePoint> check_at(std::int64_t id) {
    auto at = storage_->sla().check_at(id);
    EXPECT_TRUE(at.ok());
    return at.ok() ? *at : std::nullopt;
  }

  jobs::SlaWatchReport tick(TimePoint now) {
    clock_.set(now);
    auto report = watch_->run_once();
    EXPECT_TRUE(report.ok());
    return report.ok() ? *report : jobs::SlaWatchReport{};
  }

  std::vector<dc::ComplaintEvent> events_of(std::int64_t id, const std::string& type, bool public_only = false) {
    auto events = storage_->complaints().events(id, public_only);
    EXPECT_TRUE(events.ok());
    std::vector<dc::ComplaintEvent> out;
    for (const auto& event : events.ok() ? *events : std::vector<dc::ComplaintEvent>{}) {
      if (event.type == type) out.push_back(event);
    }
    return out;
  }

  std::vector<app::ports::Alert> open_alerts(const std::string& kind) {
    auto alerts = storage_->sla().alerts(true, 100);
    EXPECT_TRUE(alerts.ok());
    std::vector<app::ports::Alert> out;
    for (const auto& alert : alerts.ok() ? *alerts : std::vector<app::ports::Alert>{}) {
      if (alert.kind == kind) out.push_back(alert);
    }
    return out;
  }

  FakeClock clock_;
  std::unique_ptr<app::sla::SlaRules> rules_;
  std::unique_ptr<app::complaints::ComplaintIntake> intake_;
  std::unique_ptr<jobs::SlaWatch> watch_;
  domain::access::Actor staff_;
};

TEST_P(SlaWatchContract, IntakeHoldsTheCaseToVerificationAndSchedulesTheWarning) {
  auto [complaint, secret] = submit(wib("2026-08-04 10:00"));
  auto saved = stored(complaint.id);
  EXPECT_EQ(saved.sla_target, "verify");
  EXPECT_EQ(saved.due_at, wib("2026-08-07 16:30")) << "3 working days";
  EXPECT_EQ(saved.sla_level, 0);
  // 75 % of 30.5 service hours (Tue 6 h, Wed 8.5, Thu 8.5, Fri 7.5) is used Thursday at 15:52:30.
  EXPECT_EQ(check_at(complaint.id), wib("2026-08-06 15:52") + 30s);
}

TEST_P(SlaWatchContract, WarnsThenEscalatesToTheSupervisorThenToTheParentUnitOnce) {
  auto [complaint, secret] = submit(wib("2026-08-04 10:00"));
  EXPECT_EQ(tick(wib("2026-08-05 10:00")).looked_at, 0U) << "nothing is due yet";

  auto warned = tick(wib("2026-08-06 16:00"));
  EXPECT_EQ(warned.warned, 1U);
  EXPECT_EQ(stored(complaint.id).sla_level, 1);
  auto warnings = events_of(complaint.id, "sla_warning");
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_FALSE(warnings.front().is_public);
  EXPECT_EQ(warnings.front().actor, "system");
  EXPECT_TRUE(events_of(complaint.id, "sla_warning", true).empty()) << "the public never sees SLA events";
  EXPECT_EQ(tick(wib("2026-08-06 16:00")).looked_at, 0U) << "idempotent: the warning is not repeated";

  auto breached = tick(wib("2026-08-07 16:30"));
  EXPECT_EQ(breached.escalated, 1U);
  EXPECT_EQ(stored(complaint.id).sla_level, 2);
  auto escalations = events_of(complaint.id, "sla_escalated");
  ASSERT_EQ(escalations.size(), 1U);
  EXPECT_NE(escalations.front().detail.find("supervisor unit tirta-musi"), std::string::npos)
      << escalations.front().detail;
  auto breaches = open_alerts("sla_breach");
  ASSERT_EQ(breaches.size(), 1U);
  EXPECT_EQ(breaches.front().subject, "complaint:" + std::to_string(complaint.id));
  EXPECT_EQ(breaches.front().unit_code, "tirta-musi");

  EXPECT_EQ(tick(wib("2026-08-10 15:00")).escalated, 0U) << "a quarter more falls at Mon 15:07:30";
  EXPECT_EQ(tick(wib("2026-08-10 15:08")).escalated, 1U);
  auto saved = stored(complaint.id);
  EXPECT_EQ(saved.sla_level, 3);
  escalations = events_of(complaint.id, "sla_escalated");
  ASSERT_EQ(escalations.size(), 2U);
  EXPECT_NE(escalations.back().detail.find("unit induk pemkot-palembang"), std::string::npos)
      << escalations.back().detail;
  ASSERT_EQ(open_alerts("sla_parent_escalation").size(), 1U);
  EXPECT_EQ(open_alerts("sla_parent_escalation").front().unit_code, "pemkot-palembang");
  EXPECT_EQ(check_at(complaint.id), std::nullopt) << "nothing further to escalate";
  EXPECT_EQ(tick(wib("2026-09-30 10:00")).looked_at, 0U);
  EXPECT_EQ(open_alerts("sla_breach").size(), 1U);
}

TEST_P(SlaWatchContract, VerifyingStartsTheFirstResponseClockAtLevelZeroAndAForwardUsesTheNewUnitsPolicy) {
  auto [complaint, secret] = submit(wib("2026-08-04 10:00"));
  tick(wib("2026-08-06 16:00"));
  ASSERT_EQ(stored(complaint.id).sla_level, 1);

  clock_.set(wib("2026-08-06 16:30"));  // after Thursday's close: handed over on Friday
  auto verified = act(complaint.id, "verify");
  EXPECT_EQ(verified.sla_target, "first_response");
  EXPECT_EQ(verified.sla_level, 0) << "another deadline, a fresh start";
  EXPECT_EQ(verified.due_at, wib("2026-08-14 16:30")) << "5 working days from Friday: Mon-Fri";
  EXPECT_EQ(stored(complaint.id).due_at, verified.due_at);

  // Dinas PUPR answers within 2 working days, whatever the category.
  ASSERT_TRUE(storage_
                  ->write([](app::ports::Transaction& tx) {
                    ds::SlaPolicy policy = ds::default_sla_policy();
                    policy.first_response = ds::SlaTarget::working_days(2);
                    return tx.sla().save_policy({"", "dinas-pupr", policy}, TimePoint{});
                  })
                  .ok());
  rules_->invalidate();
  clock_.set(wib("2026-08-07 09:00"));
  auto forwarded = act(complaint.id, "forward", "dinas-pupr");
  EXPECT_EQ(forwarded.unit_code, "dinas-pupr");
  EXPECT_EQ(forwarded.sla_target, "first_response");
  EXPECT_EQ(forwarded.due_at, wib("2026-08-11 16:00")) << "2 working days from Friday's handover: Mon, Tue";
}

TEST_P(SlaWatchContract, TundaStopsTheClockAndTheReportersAnswerExtendsTheResolution) {
  auto [complaint, secret] = submit(wib("2026-08-04 10:00"));
  act(complaint.id, "verify");
  clock_.set(wib("2026-08-05 10:00"));
  auto asked = act(complaint.id, "ask_info");
  EXPECT_EQ(asked.sla_target, "") << "no clock runs while waiting for the reporter";
  EXPECT_EQ(asked.due_at, std::nullopt);
  EXPECT_EQ(check_at(complaint.id), std::nullopt);
  EXPECT_EQ(tick(wib("2026-08-08 10:00")).looked_at, 0U);

  clock_.set(wib("2026-08-07 10:00"));  // two days later
  app::complaints::ReporterAction reply{complaint.public_code, secret, "reply", "Alamatnya Jl. Merdeka 9", {}};
  auto resumed = app::complaints::act_as_reporter(*storage_, clock_, *rules_, reply);
  ASSERT_TRUE(resumed.ok()) << resumed.error().message().en;
  EXPECT_EQ(resumed->status, dc::Status::verified);
  EXPECT_EQ(resumed->sla_target, "resolve") << "asking was the unit's first response";
  EXPECT_EQ(resumed->due_at, wib("2026-10-03 10:00") + 48h) << "60 days from receipt plus the 2-day pause";
  EXPECT_EQ(stored(complaint.id).due_at, resumed->due_at);
}

TEST_P(SlaWatchContract, AResolvedCaseClosesByItselfWhenTheDisputeWindowPassesInSilence) {
  auto [complaint, secret] = submit(wib("2026-08-04 10:00"));
  act(complaint.id, "verify");
  act(complaint.id, "assign");
  act(complaint.id, "start");
  clock_.set(wib("2026-08-10 10:00"));
  auto resolved = act(complaint.id, "resolve");
  EXPECT_EQ(resolved.sla_target, "");
  // Ten working days: Tue 11 to Fri 14, Tue 18 to Mon 24, Wed 26 (17 and 25 Aug are holidays).
  EXPECT_EQ(check_at(complaint.id), wib("2026-08-26 16:00") + 1s);
  EXPECT_EQ(tick(wib("2026-08-26 15:00")).closed, 0U);
  auto later = tick(wib("2026-08-27 08:00"));
  EXPECT_EQ(later.closed, 1U);
  auto saved = stored(complaint.id);
  EXPECT_EQ(saved.status, dc::Status::closed);
  EXPECT_EQ(saved.closed_at, wib("2026-08-27 08:00"));
  auto closings = events_of(complaint.id, "close_silently", true);
  ASSERT_EQ(closings.size(), 1U) << "a public event";
  EXPECT_EQ(closings.front().actor, "system");
  EXPECT_EQ(tick(wib("2026-08-28 08:00")).looked_at, 0U);
}

TEST_P(SlaWatchContract, ADisputeResumesTheResolutionClockWithoutTheTimeSpentResolved) {
  auto [complaint, secret] = submit(wib("2026-08-04 10:00"));
  act(complaint.id, "verify");
  act(complaint.id, "assign");
  act(complaint.id, "start");
  clock_.set(wib("2026-08-10 10:00"));
  auto resolved = act(complaint.id, "resolve");
  EXPECT_EQ(resolved.deadlines.resolve, wib("2026-10-03 10:00")) << "kept as promised while resolved";
  clock_.set(wib("2026-08-12 10:00"));  // two days later, inside the dispute window
  app::complaints::ReporterAction dispute{complaint.public_code, secret, "dispute", "Air masih belum mengalir", {}};
  auto reopened = app::complaints::act_as_reporter(*storage_, clock_, *rules_, dispute);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message().en;
  EXPECT_EQ(reopened->status, dc::Status::reopened);
  EXPECT_EQ(reopened->sla_target, "resolve");
  EXPECT_EQ(reopened->due_at, wib("2026-10-03 10:00") + 48h) << "the two days spent resolved do not count";
  EXPECT_EQ(stored(complaint.id).due_at, reopened->due_at);
}

TEST_P(SlaWatchContract, AYearWithoutACalendarRaisesOneAlertAndLeavesTheDeadlineOpen) {
  // 5 working days from Wed 23 Dec 2026 run into 2027, which no calendar covers.
  auto first = submit(wib("2026-12-23 10:00"));
  auto second = submit(wib("2026-12-23 11:00"));
  auto saved = stored(first.complaint.id);
  EXPECT_EQ(saved.sla_target, "verify");
  EXPECT_TRUE(saved.deadlines.verify.has_value()) << "3 working days end on 30 Dec";
  EXPECT_EQ(saved.deadlines.first_response, std::nullopt);
  auto alerts = open_alerts("calendar_missing");
  ASSERT_EQ(alerts.size(), 1U) << "one alert, however many cases need the year";
  EXPECT_EQ(alerts.front().subject, "year:2027");
  EXPECT_NE(alerts.front().message.find("2027"), std::string::npos);
  EXPECT_EQ(stored(second.complaint.id).deadlines.first_response, std::nullopt);
}

TEST_P(SlaWatchContract, APolicyChangeRecomputesTheOpenCasesAndCountsThem) {
  auto open = submit(wib("2026-08-04 10:00"));
  auto rejected = submit(wib("2026-08-04 10:05"));
  app::complaints::CaseAction reject;
  reject.action = "reject";
  reject.reason = "iklan";
  reject.reject_reason = "spam";
  ASSERT_TRUE(app::complaints::act_on_case(*storage_, clock_, *rules_, staff_, rejected.complaint.id, reject).ok());

  ASSERT_TRUE(storage_
                  ->write([](app::ports::Transaction& tx) {
                    ds::SlaPolicy policy = ds::default_sla_policy();
                    policy.verify = ds::SlaTarget::working_days(1);
                    return tx.sla().save_policy({"air-bersih", "", policy}, TimePoint{});
                  })
                  .ok());
  clock_.set(wib("2026-08-04 12:00"));
  auto changed = app::sla::recompute_open_cases(*storage_, *rules_, clock_);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(*changed, 1U) << "the rejected case keeps what it had";
  EXPECT_EQ(stored(open.complaint.id).due_at, wib("2026-08-05 16:00")) << "1 working day";
  auto again = app::sla::recompute_open_cases(*storage_, *rules_, clock_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0U);
}

TEST_P(SlaWatchContract, ACheckTimeComputedFromAStaleCopyIsRefusedAndAlertsStayOnePerSubject) {
  auto [complaint, secret] = submit(wib("2026-08-04 10:00"));
  const auto before = check_at(complaint.id);
  auto stale = storage_->write([&](app::ports::Transaction& tx) {
    return tx.sla().set_check_at(complaint.id, wib("2026-08-04 11:00"), complaint.version + 5);
  });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code(), ErrorCode::precondition_failed);
  EXPECT_EQ(check_at(complaint.id), before);

  app::ports::Alert alert{0, "sla_breach", "warning", "tirta-musi", "complaint:1", "Terlambat", TimePoint{}, {}, {}};
  bool first = false, second = true;
  ASSERT_TRUE(storage_
                  ->write([&](app::ports::Transaction& tx) -> Result<void> {
                    auto a = tx.sla().raise_alert(alert);
                    auto b = tx.sla().raise_alert(alert);
                    if (!a) return a.error();
                    if (!b) return b.error();
                    first = *a;
                    second = *b;
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(first);
  EXPECT_FALSE(second) << "one open alert per (kind, subject)";
  EXPECT_EQ(open_alerts("sla_breach").size(), 1U);
}

SIGAP_STORAGE_CONTRACT(SlaWatchContract);

}  // namespace
}  // namespace sigap::testing
