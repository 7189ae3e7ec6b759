// Which deadline a case is held to in each status, and the pauses its timeline makes.
#include "domain/complaints/sla_clock.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace sigap::domain::complaints {
namespace {

using namespace std::chrono_literals;

const TimePoint kStart = TimePoint{} + 1000h;

TimePoint at(std::chrono::hours offset) { return kStart + offset; }

ComplaintEvent change(std::chrono::hours offset, std::string actor, std::string type, std::optional<Status> from,
                      std::optional<Status> to) {
  ComplaintEvent event;
  event.at = at(offset);
  event.actor = std::move(actor);
  event.type = std::move(type);
  event.from_status = from;
  event.to_status = to;
  return event;
}

TEST(HeldTo, OneRowPerStatus) {
  struct Row {
    Status status;
    std::optional<Status> before_need_info;
    bool answered;
    HeldTo expected;
  };
  const Row rows[] = {
      {Status::submitted, {}, false, {SlaStage::verify, true}},
      {Status::verified, {}, false, {SlaStage::first_response, true}},
      {Status::verified, {}, true, {SlaStage::resolve, true}},
      {Status::assigned, {}, false, {SlaStage::first_response, true}},
      {Status::assigned, {}, true, {SlaStage::resolve, true}},
      {Status::in_progress, {}, true, {SlaStage::resolve, true}},
      {Status::reopened, {}, true, {SlaStage::resolve, true}},
      {Status::need_info, Status::verified, false, {SlaStage::first_response, false}},
      {Status::need_info, Status::in_progress, true, {SlaStage::resolve, false}},
      {Status::resolved, {}, true, {SlaStage::resolve, false}},
      {Status::closed, {}, true, {SlaStage::none, false}},
      {Status::rejected, {}, false, {SlaStage::none, false}},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(held_to(row.status, row.before_need_info, row.answered), row.expected)
        << to_string(row.status) << " answered=" << row.answered;
  }
}

TEST(SlaStage, NamesRoundTrip) {
  for (auto stage : {SlaStage::none, SlaStage::verify, SlaStage::first_response, SlaStage::resolve}) {
    EXPECT_EQ(sla_stage_from_string(to_string(stage)), stage);
  }
  EXPECT_EQ(sla_stage_from_string("soon"), SlaStage::none);
}

TEST(ClockFacts, NeedInfoAndResolvedArePausesAndTheLastOneRunsUntilNow) {
  struct Row {
    const char* name;
    std::vector<ComplaintEvent> timeline;
    std::chrono::hours now;
    std::vector<std::pair<int, int>> pauses;  // hours after kStart
    HeldTo held;
    std::optional<int> verified_at;
  };
  const auto submitted = change(0h, "reporter", "submitted", {}, Status::submitted);
  const auto verified = change(2h, "user:1", "verify", Status::submitted, Status::verified);
  const Row rows[] = {
      {"just received", {submitted}, 1h, {}, {SlaStage::verify, true}, {}},
      {"verified, not answered", {submitted, verified}, 3h, {}, {SlaStage::first_response, true}, 2},
      {"tunda still running",
       {submitted, verified, change(4h, "user:1", "ask_info", Status::verified, Status::need_info)},
       10h,
       {{4, 10}},
       {SlaStage::resolve, false},
       2},
      {"tunda answered",
       {submitted, verified, change(4h, "user:1", "ask_info", Status::verified, Status::need_info),
        change(7h, "reporter", "reporter_reply", Status::need_info, Status::verified)},
       10h,
       {{4, 7}},
       {SlaStage::resolve, true},
       2},
      {"resolved, then disputed",
       {submitted, verified, change(3h, "user:1", "assign", Status::verified, Status::assigned),
        change(4h, "user:1", "start", Status::assigned, Status::in_progress),
        change(20h, "user:1", "resolve", Status::in_progress, Status::resolved),
        change(30h, "reporter", "disputed", Status::resolved, Status::reopened)},
       40h,
       {{20, 30}},
       {SlaStage::resolve, true},
       2},
      {"a staff reply answers without a status change",
       {submitted, verified, change(5h, "user:1", "reply", {}, {})},
       6h,
       {},
       {SlaStage::resolve, true},
       2},
      {"closed", {submitted, change(1h, "user:1", "reject", Status::submitted, Status::rejected)}, 5h, {}, {}, {}},
  };
  for (const auto& row : rows) {
    auto facts = clock_facts(row.timeline, at(row.now));
    std::vector<sla::Pause> expected;
    for (auto [from, to] : row.pauses) expected.push_back({at(std::chrono::hours(from)), at(std::chrono::hours(to))});
    ASSERT_EQ(facts.pauses.size(), expected.size()) << row.name;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(facts.pauses[i].from, expected[i].from) << row.name;
      EXPECT_EQ(facts.pauses[i].to, expected[i].to) << row.name;
    }
    EXPECT_EQ(facts.held_to, row.held) << row.name;
    if (row.verified_at) {
      EXPECT_EQ(facts.verified_at, at(std::chrono::hours(*row.verified_at))) << row.name;
    } else {
      EXPECT_FALSE(facts.verified_at.has_value()) << row.name;
    }
  }
}

}  // namespace
}  // namespace sigap::domain::complaints
