// What the live stream reads, on every backend: the number of the newest event fanned out (where
// a hub that does not replay history starts), and the alerts a follower of the table compares
// with its previous look — every open one, and every one newer than the last it saw.
#include <limits>

#include "app/complaints/submit_complaint.hpp"
#include "app/master_data/demo_data.hpp"
#include "app/outbox/dispatch_outbox.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "common/time_format.hpp"
#include "storage/contract/storage_backends.hpp"
#include "support/fake_clock.hpp"

namespace sigap::testing {
namespace {

namespace ports = app::ports;

class StreamContract : public StorageContract {
 protected:
  void SetUp() override {
    StorageContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
    clock_.set(*parse_utc("2026-08-04T03:00:00Z"));
    rules_ = std::make_unique<app::sla::SlaRules>(*storage_, clock_, app::sla::indonesia_calendar());
    intake_ = std::make_unique<app::complaints::ComplaintIntake>(*storage_, clock_, *rules_,
                                                                 app::complaints::IntakeSettings{});
  }

  void submit() {
    app::complaints::SubmitRequest request;
    request.draft.description = "Air PDAM tidak mengalir sejak tiga hari";
    request.draft.category_code = "air-bersih";
    request.draft.region_code = "16.71.01.1001";
    auto answer = intake_->submit(request, [](const auto&) { return std::string("{}"); });
    EXPECT_TRUE(answer.ok()) << (answer.ok() ? "" : answer.error().message().en);
  }

  std::int64_t raise(const std::string& subject) {
    ports::Alert alert;
    alert.kind = "unstaffed";
    alert.severity = "warning";
    alert.unit_code = "kelurahan-16.71.01.1001";
    alert.subject = subject;
    alert.message = "Kosong. / Empty.";
    alert.created_at = clock_.now();
    std::int64_t id = 0;
    EXPECT_TRUE(storage_
                    ->write([&](ports::Transaction& tx) -> Result<void> {
                      auto raised = tx.alerts().raise(alert);
                      if (!raised) return raised.error();
                      id = raised->value_or(0);
                      return {};
                    })
                    .ok());
    return id;
  }

  static std::vector<std::int64_t> ids(const Result<std::vector<ports::Alert>>& alerts) {
    std::vector<std::int64_t> out;
    if (!alerts.ok()) return out;
    for (const auto& alert : *alerts) out.push_back(alert.id);
    return out;
  }

  FakeClock clock_;
  std::unique_ptr<app::sla::SlaRules> rules_;
  std::unique_ptr<app::complaints::ComplaintIntake> intake_;
};

TEST_P(StreamContract, TheNewestDispatchNumberIsZeroFirstThenFollowsTheDispatcher) {
  EXPECT_EQ(*storage_->outbox().last_dispatched_seq(), 0);
  for (int i = 0; i < 3; ++i) submit();
  EXPECT_EQ(*storage_->outbox().last_dispatched_seq(), 0) << "committed, not yet numbered";
  app::outbox::OutboxDispatch dispatch(*storage_, clock_, {});
  ASSERT_EQ(*dispatch.dispatch_all(), 3U);
  EXPECT_EQ(*storage_->outbox().last_dispatched_seq(), 3);
  auto other = open();
  ASSERT_TRUE(other);
  EXPECT_EQ(*other->outbox().last_dispatched_seq(), 3) << "another process sees it";
  auto followed = other->outbox().dispatched_after(*other->outbox().last_dispatched_seq(), 10);
  ASSERT_TRUE(followed.ok());
  EXPECT_TRUE(followed->empty());
}

TEST_P(StreamContract, OpenOrAfterGivesEveryOpenAlertAndEveryNewerOne) {
  auto first = raise("unit:a");
  auto second = raise("unit:b");
  auto third = raise("unit:c");
  ASSERT_TRUE(first && second && third);
  ASSERT_TRUE(storage_
                  ->write([&](ports::Transaction& tx) -> Result<void> {
                    auto closed = tx.alerts().close("unstaffed", "unit:b", clock_.now() + std::chrono::minutes(5));
                    if (!closed) return closed.error();
                    return {};
                  })
                  .ok());
  auto& alerts = storage_->alerts();
  EXPECT_EQ(ids(alerts.open_or_after(std::numeric_limits<std::int64_t>::max())),
            (std::vector<std::int64_t>{first, third}));
  auto after_first = alerts.open_or_after(first);
  EXPECT_EQ(ids(after_first), (std::vector<std::int64_t>{first, second, third})) << "the closed one is newer";
  ASSERT_EQ(after_first->size(), 3U);
  EXPECT_FALSE((*after_first)[1].open());
  EXPECT_EQ((*after_first)[1].closed_at, clock_.now() + std::chrono::minutes(5));
  EXPECT_EQ(ids(alerts.open_or_after(third)), (std::vector<std::int64_t>{first, third}));
}

SIGAP_STORAGE_CONTRACT(StreamContract);

}  // namespace
}  // namespace sigap::testing
