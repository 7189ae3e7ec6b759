// The live stream's fan-out (app/stream) over a real SQLite file with the Palembang demo data:
// the queue of a subscription nobody takes from stops at its limit and tells the client to
// resync; a resuming subscription gets the events it missed from the backfill and the rest
// live, with no gap and no duplicate.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "app/outbox/dispatch_outbox.hpp"
#include "app/stream/stream_hub.hpp"
#include "app/case_world.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;
using namespace std::chrono_literals;

da::Actor leader() {
  da::Actor actor;
  actor.kind = da::ActorKind::staff;
  actor.id = 900;
  actor.name = "Pimpinan";
  actor.memberships = {{"pemkot-palembang", da::Role::leader}};
  return actor;
}

std::vector<std::int64_t> ids_of(const std::vector<app::stream::StreamMessage>& messages) {
  std::vector<std::int64_t> ids;
  for (const auto& message : messages) {
    auto value = boost::json::parse(*message);
    if (value.at("type").as_string() == "event") ids.push_back(value.at("id").as_int64());
  }
  return ids;
}

class StreamHubTest : public ::testing::Test {
 protected:
  void file_and_number(int count) {
    for (int i = 0; i < count; ++i) world_.submit();
    auto done = dispatch_.dispatch_all();
    ASSERT_TRUE(done.ok());
  }

  /// Waits until `subscription` holds `count` messages (or is told to resync).
  static void await_queued(app::stream::StreamSubscription& subscription, std::size_t count) {
    for (int i = 0; i < 300 && subscription.queued() < count && !subscription.resyncing(); ++i) {
      std::this_thread::sleep_for(10ms);
    }
  }

  CaseWorld world_;
  app::outbox::OutboxDispatch dispatch_{world_.storage(), world_.clock(), {}};
};

TEST_F(StreamHubTest, AQueueNobodyTakesFromStopsAtItsLimitAndAsksForResync) {
  app::stream::StreamSettings settings;
  settings.queue_messages = 5;
  app::stream::StreamHub hub(world_.storage(), world_.clock(), settings);
  auto filter = hub.filter_for(leader(), std::nullopt);
  ASSERT_TRUE(filter.ok());
  auto idle = hub.subscribe(*filter, std::nullopt);
  auto busy = hub.subscribe(*filter, std::nullopt);
  ASSERT_TRUE(idle.ok() && busy.ok());
  std::vector<std::int64_t> taken;
  for (int round = 0; round < 4; ++round) {
    file_and_number(3);
    hub.wake();
    await_queued(**busy, 3);
    for (auto id : ids_of((*busy)->take().messages)) taken.push_back(id);
  }
  await_queued(**idle, 6);
  EXPECT_TRUE((*idle)->resyncing());
  auto last = (*idle)->take();
  EXPECT_TRUE(last.messages.empty()) << "what waited is dropped: the client reloads anyway";
  EXPECT_EQ(last.resync_reason, "queue_full");
  EXPECT_EQ(taken, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
  // The full one is no longer fanned out to; the other one is.
  for (int i = 0; i < 100 && hub.stats().subscribers != 1; ++i) std::this_thread::sleep_for(10ms);
  auto stats = hub.stats();
  EXPECT_EQ(stats.subscribers, 1U);
  EXPECT_EQ(stats.resyncs, 1U);
  EXPECT_LE(stats.peak_queued, 5U);
  EXPECT_EQ(stats.last_id, 12);
  hub.unsubscribe(*idle);
  hub.unsubscribe(*busy);
}

TEST_F(StreamHubTest, AResumeGetsTheMissedEventsFromBackfillThenTheLiveOnesWithoutGapOrDuplicate) {
  file_and_number(5);
  app::stream::StreamSettings settings;
  settings.page = 2;  // several pages of backfill
  app::stream::StreamHub hub(world_.storage(), world_.clock(), settings);
  auto filter = hub.filter_for(leader(), std::nullopt);
  ASSERT_TRUE(filter.ok());
  auto resumed = hub.subscribe(*filter, 1);
  ASSERT_TRUE(resumed.ok());
  auto& subscription = **resumed;
  EXPECT_EQ(subscription.boundary(), 5);
  EXPECT_EQ(*hub.hello(subscription), R"({"type":"hello","scope":"","last_id":5})");
  // Live events arrive while the backfill is read.
  file_and_number(2);
  hub.wake();
  await_queued(subscription, 2);
  std::vector<std::int64_t> ids;
  for (;;) {
    auto page = hub.backfill(subscription);
    ASSERT_TRUE(page.ok());
    if (page->empty()) break;
    for (auto id : ids_of(*page)) ids.push_back(id);
  }
  for (auto id : ids_of(subscription.take().messages)) ids.push_back(id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{2, 3, 4, 5, 6, 7}));

  // Too far behind for a backfill: told to resync at once.
  settings.max_backfill = 3;
  app::stream::StreamHub strict(world_.storage(), world_.clock(), settings);
  auto behind = strict.subscribe(*filter, 1);
  ASSERT_TRUE(behind.ok());
  EXPECT_EQ((*behind)->take().resync_reason, "too_far_behind");
  hub.unsubscribe(*resumed);
}

}  // namespace
}  // namespace sigap::testing
