// Which events set the milestones the public figures are made of.
#include "domain/complaints/milestones.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::complaints {
namespace {

TimePoint at(int minutes) { return TimePoint{} + std::chrono::minutes(minutes); }

ComplaintEvent event(std::string actor, std::string type, bool is_public = true,
                     std::optional<Status> to = std::nullopt, int minute = 1) {
  ComplaintEvent e;
  e.actor = std::move(actor);
  e.type = std::move(type);
  e.is_public = is_public;
  e.to_status = to;
  e.at = at(minute);
  return e;
}

TEST(FirstResponse, IsWhatTheHandlingUnitDoesForTheReporter) {
  struct Row {
    ComplaintEvent event;
    bool first_response;
  };
  const Row rows[] = {
      {event("user:3", "assign"), true},
      {event("user:3", "start"), true},
      {event("user:3", "ask_info"), true},
      {event("user:3", "reply"), true},
      {event("apikey:2", "resolve"), true},
      {event("user:3", "verify"), false},     // where it goes, not what is done
      {event("user:3", "forwarded"), false},
      {event("user:3", "reject"), false},
      {event("user:3", "note", false), false},  // the reporter never sees a note
      {event("reporter", "reporter_reply"), false},
      {event("system", "sla_warning", false), false},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(is_first_response(row.event), row.first_response) << row.event.actor << " " << row.event.type;
  }
}

TEST(Milestones, FirstResponseIsKeptOnceResolvedMovesClosedOnce) {
  Complaint c;
  record_milestones(c, event("user:3", "verify", true, Status::verified, 1));
  EXPECT_FALSE(c.first_response_at);
  record_milestones(c, event("user:3", "start", true, Status::in_progress, 5));
  record_milestones(c, event("user:3", "reply", true, std::nullopt, 9));
  EXPECT_EQ(c.first_response_at, at(5));
  record_milestones(c, event("user:3", "resolve", true, Status::resolved, 20));
  record_milestones(c, event("user:3", "resolve", true, Status::resolved, 40));  // after a reopen
  EXPECT_EQ(c.resolved_at, at(40));
  EXPECT_FALSE(c.closed_at);
  record_milestones(c, event("reporter", "confirm", true, Status::closed, 50));
  EXPECT_EQ(c.closed_at, at(50));
}

TEST(Milestones, ClosedWithAFixIsKeptApartFromClosedWithout) {
  Complaint fixed;
  fixed.status = Status::closed;
  fixed.resolved_at = at(1);
  EXPECT_TRUE(closed_with_fix(fixed));
  Complaint rejected;
  rejected.status = Status::rejected;
  EXPECT_FALSE(closed_with_fix(rejected));
  Complaint merged = fixed;
  merged.merged_into_id = 7;
  EXPECT_FALSE(closed_with_fix(merged));
  Complaint open = fixed;
  open.status = Status::reopened;
  EXPECT_FALSE(closed_with_fix(open));
}

}  // namespace
}  // namespace sigap::domain::complaints
