// The complaint workflow as a table: every (status, action) pair, written out by hand, with the
// outcome a user sees. A new rule is a changed cell.
#include "domain/complaints/workflow.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace sigap::domain::complaints {
namespace {

using A = WorkflowAction;
using S = Status;

constexpr std::array kAllStatuses{S::submitted, S::verified, S::assigned, S::in_progress, S::need_info,
                                  S::resolved,  S::closed,   S::rejected, S::reopened};
constexpr std::array kAllActions{A::verify,  A::assign,   A::start,   A::ask_info, A::info_received,
                                 A::forward, A::resolve,  A::confirm, A::dispute,  A::close_silently,
                                 A::reject,  A::reassign, A::merge};

// What happens to a pair, under the context the row gives.
enum class Outcome { moves, conflict, internal };

struct Row {
  Status from;
  WorkflowAction action;
  Outcome outcome;
  std::optional<Status> to = std::nullopt;  // for Outcome::moves
  TransitionContext context = {};
};

Row to(Status from, WorkflowAction action, Status target, TransitionContext context = {}) {
  return {from, action, Outcome::moves, target, context};
}
Row illegal(Status from, WorkflowAction action, TransitionContext context = {}) {
  return {from, action, Outcome::conflict, std::nullopt, context};
}

const TransitionContext kWindowOpen{std::nullopt, true};
const TransitionContext kWindowClosed{std::nullopt, false};
TransitionContext paused_from(Status status) { return {status, false}; }

// Every pair once (the baseline, with the context that makes it legal where one does), then
// the pairs whose outcome depends on the context.
const std::vector<Row> kTable{
    // submitted
    to(S::submitted, A::verify, S::verified),
    illegal(S::submitted, A::assign),
    illegal(S::submitted, A::start),
    illegal(S::submitted, A::ask_info),
    illegal(S::submitted, A::info_received),
    illegal(S::submitted, A::forward),
    illegal(S::submitted, A::resolve),
    illegal(S::submitted, A::confirm),
    illegal(S::submitted, A::dispute, kWindowOpen),
    illegal(S::submitted, A::close_silently),
    to(S::submitted, A::reject, S::rejected),
    illegal(S::submitted, A::reassign),
    to(S::submitted, A::merge, S::closed),
    // verified
    illegal(S::verified, A::verify),
    to(S::verified, A::assign, S::assigned),
    illegal(S::verified, A::start),
    to(S::verified, A::ask_info, S::need_info),
    illegal(S::verified, A::info_received, paused_from(S::verified)),
    to(S::verified, A::forward, S::verified),
    illegal(S::verified, A::resolve),
    illegal(S::verified, A::confirm),
    illegal(S::verified, A::dispute, kWindowOpen),
    illegal(S::verified, A::close_silently),
    to(S::verified, A::reject, S::rejected),
    to(S::verified, A::reassign, S::verified),
    to(S::verified, A::merge, S::closed),
    // assigned
    illegal(S::assigned, A::verify),
    illegal(S::assigned, A::assign),
    to(S::assigned, A::start, S::in_progress),
    to(S::assigned, A::ask_info, S::need_info),
    illegal(S::assigned, A::info_received, paused_from(S::assigned)),
    to(S::assigned, A::forward, S::assigned),
    illegal(S::assigned, A::resolve),
    illegal(S::assigned, A::confirm),
    illegal(S::assigned, A::dispute, kWindowOpen),
    illegal(S::assigned, A::close_silently),
    illegal(S::assigned, A::reject),
    to(S::assigned, A::reassign, S::assigned),
    to(S::assigned, A::merge, S::closed),
    // in_progress
    illegal(S::in_progress, A::verify),
    illegal(S::in_progress, A::assign),
    illegal(S::in_progress, A::start),
    to(S::in_progress, A::ask_info, S::need_info),
    illegal(S::in_progress, A::info_received, paused_from(S::in_progress)),
    to(S::in_progress, A::forward, S::in_progress),
    to(S::in_progress, A::resolve, S::resolved),
    illegal(S::in_progress, A::confirm),
    illegal(S::in_progress, A::dispute, kWindowOpen),
    illegal(S::in_progress, A::close_silently),
    illegal(S::in_progress, A::reject),
    to(S::in_progress, A::reassign, S::in_progress),
    to(S::in_progress, A::merge, S::closed),
    // need_info (tunda): the SLA clock is stopped; only the reporter's answer, archiving a case no
    // unit has accepted yet, or a merge move it
    illegal(S::need_info, A::verify, paused_from(S::verified)),
    illegal(S::need_info, A::assign, paused_from(S::verified)),
    illegal(S::need_info, A::start, paused_from(S::assigned)),
    illegal(S::need_info, A::ask_info, paused_from(S::verified)),
    to(S::need_info, A::info_received, S::verified, paused_from(S::verified)),
    illegal(S::need_info, A::forward, paused_from(S::assigned)),
    illegal(S::need_info, A::resolve, paused_from(S::in_progress)),
    illegal(S::need_info, A::confirm, paused_from(S::in_progress)),
    illegal(S::need_info, A::dispute, {S::in_progress, true}),
    illegal(S::need_info, A::close_silently, paused_from(S::in_progress)),
    to(S::need_info, A::reject, S::rejected, paused_from(S::verified)),
    illegal(S::need_info, A::reassign, paused_from(S::assigned)),
    to(S::need_info, A::merge, S::closed, paused_from(S::in_progress)),
    // resolved: the reporter's turn
    illegal(S::resolved, A::verify),
    illegal(S::resolved, A::assign),
    illegal(S::resolved, A::start),
    illegal(S::resolved, A::ask_info),
    illegal(S::resolved, A::info_received),
    illegal(S::resolved, A::forward),
    illegal(S::resolved, A::resolve),
    to(S::resolved, A::confirm, S::closed),
    to(S::resolved, A::dispute, S::reopened, kWindowOpen),
    to(S::resolved, A::close_silently, S::closed, kWindowClosed),
    illegal(S::resolved, A::reject),
    illegal(S::resolved, A::reassign),
    illegal(S::resolved, A::merge),
    // closed: final
    illegal(S::closed, A::verify),
    illegal(S::closed, A::assign),
    illegal(S::closed, A::start),
    illegal(S::closed, A::ask_info),
    illegal(S::closed, A::info_received, paused_from(S::verified)),
    illegal(S::closed, A::forward),
    illegal(S::closed, A::resolve),
    illegal(S::closed, A::confirm),
    illegal(S::closed, A::dispute, kWindowOpen),
    illegal(S::closed, A::close_silently),
    illegal(S::closed, A::reject),
    illegal(S::closed, A::reassign),
    illegal(S::closed, A::merge),
    // rejected: final
    illegal(S::rejected, A::verify),
    illegal(S::rejected, A::assign),
    illegal(S::rejected, A::start),
    illegal(S::rejected, A::ask_info),
    illegal(S::rejected, A::info_received, paused_from(S::verified)),
    illegal(S::rejected, A::forward),
    illegal(S::rejected, A::resolve),
    illegal(S::rejected, A::confirm),
    illegal(S::rejected, A::dispute, kWindowOpen),
    illegal(S::rejected, A::close_silently),
    illegal(S::rejected, A::reject),
    illegal(S::rejected, A::reassign),
    illegal(S::rejected, A::merge),
    // reopened: back with the unit that resolved it
    illegal(S::reopened, A::verify),
    illegal(S::reopened, A::assign),
    to(S::reopened, A::start, S::in_progress),
    illegal(S::reopened, A::ask_info),
    illegal(S::reopened, A::info_received, paused_from(S::assigned)),
    to(S::reopened, A::forward, S::reopened),
    illegal(S::reopened, A::resolve),
    illegal(S::reopened, A::confirm),
    illegal(S::reopened, A::dispute, kWindowOpen),
    illegal(S::reopened, A::close_silently),
    illegal(S::reopened, A::reject),
    to(S::reopened, A::reassign, S::reopened),
    to(S::reopened, A::merge, S::closed),

    // Context-dependent outcomes.
    to(S::need_info, A::info_received, S::assigned, paused_from(S::assigned)),
    to(S::need_info, A::info_received, S::in_progress, paused_from(S::in_progress)),
    {S::need_info, A::info_received, Outcome::internal},                                          // nothing recorded
    {S::need_info, A::info_received, Outcome::internal, std::nullopt, paused_from(S::resolved)},  // corrupt
    illegal(S::need_info, A::reject, paused_from(S::assigned)),  // a unit accepted it: no archiving
    illegal(S::need_info, A::reject, paused_from(S::in_progress)),
    illegal(S::resolved, A::dispute, kWindowClosed),       // too late to dispute
    illegal(S::resolved, A::close_silently, kWindowOpen),  // too early to close without an answer
};

void PrintTo(const Row& row, std::ostream* out) {
  *out << to_string(row.from) << " + " << to_string(row.action);
  if (row.context.status_before_need_info)
    *out << " (paused from " << to_string(*row.context.status_before_need_info) << ")";
  if (row.context.dispute_window_open) *out << " (dispute window open)";
}

class WorkflowTable : public ::testing::TestWithParam<Row> {};

TEST_P(WorkflowTable, GivesTheExpectedOutcome) {
  const auto& row = GetParam();
  auto result = apply(row.from, row.action, row.context);
  switch (row.outcome) {
    case Outcome::moves:
      ASSERT_TRUE(result.ok()) << result.error().message().en;
      EXPECT_EQ(to_string(*result), to_string(*row.to));
      break;
    case Outcome::conflict:
      ASSERT_FALSE(result.ok()) << "moved to " << to_string(*result);
      EXPECT_EQ(result.error().code(), ErrorCode::conflict);
      EXPECT_FALSE(result.error().message().id.empty());
      EXPECT_FALSE(result.error().message().en.empty());
      break;
    case Outcome::internal:
      ASSERT_FALSE(result.ok()) << "moved to " << to_string(*result);
      EXPECT_EQ(result.error().code(), ErrorCode::internal);
      break;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryPair, WorkflowTable, ::testing::ValuesIn(kTable));

TEST(WorkflowTableCoverage, TheTableHasEveryPair) {
  std::set<std::pair<Status, WorkflowAction>> seen;
  for (const auto& row : kTable) seen.insert({row.from, row.action});
  for (auto status : kAllStatuses) {
    for (auto action : kAllActions) {
      EXPECT_TRUE(seen.contains({status, action})) << to_string(status) << " + " << to_string(action);
    }
  }
  EXPECT_EQ(seen.size(), kAllStatuses.size() * kAllActions.size());
}

// allowed_actions agrees with the baseline table: an action is listed exactly when some context
// makes it legal, in the console's order.
TEST(AllowedActions, ListsWhatTheTableAllows) {
  const std::map<Status, std::vector<WorkflowAction>> expected{
      {S::submitted, {A::verify, A::reject, A::merge}},
      {S::verified, {A::assign, A::ask_info, A::forward, A::reassign, A::reject, A::merge}},
      {S::assigned, {A::start, A::ask_info, A::forward, A::reassign, A::merge}},
      {S::in_progress, {A::resolve, A::ask_info, A::forward, A::reassign, A::merge}},
      {S::need_info, {A::info_received, A::reject, A::merge}},
      {S::resolved, {A::confirm, A::dispute, A::close_silently}},
      {S::closed, {}},
      {S::rejected, {}},
      {S::reopened, {A::start, A::forward, A::reassign, A::merge}},
  };
  for (auto status : kAllStatuses) {
    EXPECT_EQ(allowed_actions(status), expected.at(status)) << to_string(status);
    for (auto action : kAllActions) {
      bool listed =
          std::find(expected.at(status).begin(), expected.at(status).end(), action) != expected.at(status).end();
      bool legal_somewhere = false;
      for (const auto& row : kTable) {
        if (row.from == status && row.action == action && row.outcome == Outcome::moves) legal_somewhere = true;
      }
      EXPECT_EQ(listed, legal_somewhere) << to_string(status) << " + " << to_string(action);
    }
  }
}

TEST(IllegalTransition, NamesTheStatusAndWhatCanBeDone) {
  auto result = apply(S::resolved, A::verify);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::conflict);
  EXPECT_EQ(result.error().message().id,
            "Aduan berstatus 'resolved'; 'verify' tidak bisa dilakukan. Yang bisa dilakukan: confirm, dispute, "
            "close_silently.");
  EXPECT_EQ(result.error().message().en,
            "The complaint is 'resolved'; 'verify' is not possible. What can be done: confirm, dispute, "
            "close_silently.");
}

TEST(IllegalTransition, OnAFinalStatusSaysNothingMoreCanBeDone) {
  for (auto status : {S::closed, S::rejected}) {
    auto result = apply(status, A::reject);
    ASSERT_FALSE(result.ok());
    const auto& message = result.error().message();
    EXPECT_NE(message.id.find("'" + std::string(to_string(status)) + "'"), std::string::npos) << message.id;
    EXPECT_NE(message.id.find("Tidak ada tindakan lain."), std::string::npos) << message.id;
    EXPECT_NE(message.en.find("Nothing more can be done"), std::string::npos) << message.en;
  }
}

TEST(IllegalTransition, ALateDisputeSaysTheWindowHasPassed) {
  auto result = apply(S::resolved, A::dispute, kWindowClosed);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message().id.find("10 hari kerja"), std::string::npos);
  EXPECT_NE(result.error().message().en.find("10 working days"), std::string::npos);
}

// A whole life, as the app would drive it: the caller keeps status_before_need_info.
TEST(Workflow, WalksACaseThroughTundaAndADispute) {
  Status status = S::submitted;
  TransitionContext context;
  auto step = [&](WorkflowAction action) {
    if (action == A::ask_info) context.status_before_need_info = status;
    auto next = apply(status, action, context);
    ASSERT_TRUE(next.ok()) << to_string(status) << " + " << to_string(action) << ": " << next.error().message().en;
    if (action == A::info_received) context.status_before_need_info.reset();
    status = *next;
  };
  for (auto action : {A::verify, A::forward, A::assign, A::start, A::ask_info, A::info_received, A::resolve}) {
    step(action);
  }
  EXPECT_EQ(status, S::resolved);
  context.dispute_window_open = true;
  step(A::dispute);
  EXPECT_EQ(status, S::reopened);
  for (auto action : {A::start, A::resolve, A::confirm}) step(action);
  EXPECT_EQ(status, S::closed);
  EXPECT_TRUE(is_terminal(status));
}

TEST(NeedsReason, AsTable) {
  const std::map<WorkflowAction, bool> expected{
      {A::verify, false}, {A::assign, false},  {A::start, false},   {A::ask_info, true}, {A::info_received, false},
      {A::forward, true}, {A::resolve, true},  {A::confirm, false}, {A::dispute, true},  {A::close_silently, false},
      {A::reject, true},  {A::reassign, true}, {A::merge, false},
  };
  for (auto action : kAllActions) EXPECT_EQ(needs_reason(action), expected.at(action)) << to_string(action);
}

TEST(ChangesUnit, OnlyForwardAndReassign) {
  for (auto action : kAllActions) {
    EXPECT_EQ(changes_unit(action), action == A::forward || action == A::reassign) << to_string(action);
  }
}

TEST(IsTerminal, OnlyClosedAndRejected) {
  for (auto status : kAllStatuses) {
    EXPECT_EQ(is_terminal(status), status == S::closed || status == S::rejected) << to_string(status);
    EXPECT_EQ(is_terminal(status), allowed_actions(status).empty()) << to_string(status);
  }
}

// The names are stored and sent: they must not drift.
TEST(WorkflowNames, AreStableSnakeCase) {
  const std::map<Status, std::string_view> statuses{
      {S::submitted, "submitted"},     {S::verified, "verified"},   {S::assigned, "assigned"},
      {S::in_progress, "in_progress"}, {S::need_info, "need_info"}, {S::resolved, "resolved"},
      {S::closed, "closed"},           {S::rejected, "rejected"},   {S::reopened, "reopened"},
  };
  for (auto status : kAllStatuses) EXPECT_EQ(to_string(status), statuses.at(status));
  const std::map<WorkflowAction, std::string_view> actions{
      {A::verify, "verify"},
      {A::assign, "assign"},
      {A::start, "start"},
      {A::ask_info, "ask_info"},
      {A::info_received, "info_received"},
      {A::forward, "forward"},
      {A::resolve, "resolve"},
      {A::confirm, "confirm"},
      {A::dispute, "dispute"},
      {A::close_silently, "close_silently"},
      {A::reject, "reject"},
      {A::reassign, "reassign"},
      {A::merge, "merge"},
  };
  for (auto action : kAllActions) EXPECT_EQ(to_string(action), actions.at(action));
  EXPECT_EQ(to_string(RejectReason::spam), "spam");
  EXPECT_EQ(to_string(RejectReason::duplicate), "duplicate");
  EXPECT_EQ(to_string(RejectReason::not_public_service), "not_public_service");
  EXPECT_EQ(to_string(RejectReason::not_enough_information), "not_enough_information");
}

TEST(WorkflowNames, RoundTrip) {
  for (auto status : kAllStatuses) {
    auto parsed = status_from_string(to_string(status), "status");
    ASSERT_TRUE(parsed.ok()) << to_string(status);
    EXPECT_EQ(*parsed, status);
  }
  for (auto action : kAllActions) {
    auto parsed = workflow_action_from_string(to_string(action), "action");
    ASSERT_TRUE(parsed.ok()) << to_string(action);
    EXPECT_EQ(*parsed, action);
  }
  for (auto reason : {RejectReason::spam, RejectReason::duplicate, RejectReason::not_public_service,
                      RejectReason::not_enough_information}) {
    auto parsed = reject_reason_from_string(to_string(reason), "reason");
    ASSERT_TRUE(parsed.ok()) << to_string(reason);
    EXPECT_EQ(*parsed, reason);
  }
}

TEST(WorkflowNames, UnknownNamesAreValidationErrorsNamingTheField) {
  auto status = status_from_string("Resolved", "status");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code(), ErrorCode::validation);
  ASSERT_EQ(status.error().fields().size(), 1U);
  EXPECT_EQ(status.error().fields()[0].field, "status");
  EXPECT_NE(status.error().fields()[0].message.en.find("need_info"), std::string::npos);

  for (std::string_view text : {"", "arsipkan", "tunda", "disposisi", " verify"}) {
    auto action = workflow_action_from_string(text, "action");
    ASSERT_FALSE(action.ok()) << text;
    EXPECT_EQ(action.error().code(), ErrorCode::validation);
    EXPECT_EQ(action.error().fields()[0].field, "action");
  }

  auto reason = reject_reason_from_string("not a public service", "reason");
  ASSERT_FALSE(reason.ok());
  EXPECT_EQ(reason.error().fields()[0].field, "reason");
  EXPECT_NE(reason.error().fields()[0].message.id.find("not_public_service"), std::string::npos);
}

}  // namespace
}  // namespace sigap::domain::complaints
