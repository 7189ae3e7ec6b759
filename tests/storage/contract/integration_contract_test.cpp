// The outbox fan-out, webhook deliveries and messages to reporters on every backend: rows are
// fanned out once, numbered without gaps in fan-out order, even by two dispatchers at once;
// deliveries are claimed one case at a time in event order, retried, dead-lettered and
// redelivered; notifications likewise per case; the templates are seeded in both languages;
// the reporter's language and notification choice survive the round trip.
#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "app/complaints/act_on_case.hpp"
#include "app/complaints/submit_complaint.hpp"
#include "app/master_data/demo_data.hpp"
#include "app/outbox/dispatch_outbox.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "app/webhooks/webhook_fan_out.hpp"
#include "common/time_format.hpp"
#include "storage/contract/storage_backends.hpp"
#include "support/fake_clock.hpp"

namespace sigap::testing {
namespace {

namespace dc = domain::complaints;
namespace dn = domain::notifications;
namespace ports = app::ports;
using namespace std::chrono_literals;

class IntegrationContract : public StorageContract {
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

  dc::Complaint submit(const std::string& email = "", bool anonymous = false, const std::string& language = "id",
                       const std::string& notify = "") {
    app::complaints::SubmitRequest request;
    request.draft.description = "Lampu jalan di depan sekolah padam sejak seminggu";
    request.draft.category_code = "air-bersih";
    request.draft.region_code = "16.71.01.1001";
    request.draft.reporter_email = email;
    request.draft.anonymous = anonymous;
    request.draft.language = language;
    request.draft.notify = notify;
    auto answer = intake_->submit(request, [](const auto&) { return std::string("{}"); });
    EXPECT_TRUE(answer.ok()) << (answer.ok() ? "" : answer.error().message().en);
    return answer.ok() ? answer->created->complaint : dc::Complaint{};
  }

  std::vector<ports::OutboxEntry> lock_pending() {
    std::vector<ports::OutboxEntry> entries;
    auto done = storage_->write([&](ports::Transaction& tx) -> Result<void> {
      auto pending = tx.outbox().lock_pending(100);
      if (!pending) return pending.error();
      entries = *pending;
      return {};
    });
    EXPECT_TRUE(done.ok());
    return entries;
  }

  std::int64_t subscribe(const std::string& owner, std::vector<std::string> types = {"*"}, bool active = true) {
    ports::WebhookSubscription subscription;
    subscription.name = "SIMPEG";
    subscription.url = "https://hooks.example.go.id/sigap";
    subscription.event_types = std::move(types);
    subscription.active = active;
    subscription.owner = owner;
    subscription.created_at = subscription.updated_at = clock_.now();
    std::int64_t id = 0;
    EXPECT_TRUE(storage_
                    ->write([&](ports::Transaction& tx) -> Result<void> {
                      auto inserted = tx.webhooks().insert_subscription(subscription, "whsec_contract_secret_1");
                      if (!inserted) return inserted.error();
                      id = *inserted;
                      return {};
                    })
                    .ok());
    return id;
  }

  FakeClock clock_;
  std::unique_ptr<app::sla::SlaRules> rules_;
  std::unique_ptr<app::complaints::ComplaintIntake> intake_;
};

TEST_P(IntegrationContract, OutboxRowsAreFannedOutOnceAndNumberedInOrderWithoutGaps) {
  auto first = submit("rina@example.com", false, "en", "email");
  auto second = submit("", true);
  auto third = submit();
  ASSERT_TRUE(*storage_->outbox().has_pending());

  auto pending = lock_pending();
  ASSERT_EQ(pending.size(), 3U);
  EXPECT_LT(pending[0].id, pending[1].id);
  EXPECT_LT(pending[1].id, pending[2].id);
  const auto& entry = pending[0];
  EXPECT_EQ(entry.topic, "complaint.submitted");
  EXPECT_EQ(entry.event.type, "submitted");
  EXPECT_EQ(entry.event.complaint_id, first.id);
  EXPECT_EQ(entry.public_code, first.public_code);
  EXPECT_EQ(entry.unit_code, first.unit_code);
  EXPECT_EQ(entry.category_code, "air-bersih");
  EXPECT_EQ(entry.region_code, "16.71.01.1001");
  EXPECT_EQ(entry.language, Language::en);
  EXPECT_TRUE(entry.reach.has_email);
  EXPECT_FALSE(entry.reach.has_phone);
  EXPECT_FALSE(entry.reach.anonymous);
  EXPECT_EQ(entry.reach.choice, "email");
  EXPECT_TRUE(pending[1].reach.anonymous);
  EXPECT_FALSE(pending[1].reach.has_email);
  EXPECT_EQ(pending[1].event.complaint_id, second.id);
  EXPECT_EQ(pending[2].language, Language::id);

  std::vector<std::int64_t> numbers;
  ASSERT_TRUE(storage_
                  ->write([&](ports::Transaction& tx) -> Result<void> {
                    auto rows = tx.outbox().lock_pending(100);
                    if (!rows) return rows.error();
                    auto first_two = tx.outbox().mark_dispatched({(*rows)[0].id, (*rows)[1].id}, clock_.now());
                    if (!first_two) return first_two.error();
                    numbers.push_back(*first_two);
                    auto last = tx.outbox().mark_dispatched({(*rows)[2].id}, clock_.now());
                    if (!last) return last.error();
                    numbers.push_back(*last);
                    return {};
                  })
                  .ok());
  EXPECT_EQ(numbers, (std::vector<std::int64_t>{2, 3})) << "the last number of each call";
  EXPECT_FALSE(*storage_->outbox().has_pending());
  EXPECT_TRUE(lock_pending().empty());
  // Marking one twice is refused (and rolls its transaction back).
  auto again = storage_->write([&](ports::Transaction& tx) -> Result<void> {
    auto number = tx.outbox().mark_dispatched({pending[0].id}, clock_.now());
    if (!number) return number.error();
    return {};
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code(), ErrorCode::conflict);

  auto followed = storage_->outbox().dispatched_after(0, 10);
  ASSERT_TRUE(followed.ok());
  ASSERT_EQ(followed->size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ((*followed)[i].dispatch_seq, static_cast<std::int64_t>(i + 1));
  EXPECT_EQ((*followed)[2].event.complaint_id, third.id);
  EXPECT_EQ(storage_->outbox().dispatched_after(2, 10)->size(), 1U);
}

TEST_P(IntegrationContract, TwoDispatchersAtOnceFanEachRowOutExactlyOnce) {
  auto subscription = subscribe("user:1");
  for (int i = 0; i < 24; ++i) submit();
  auto other = open();
  ASSERT_TRUE(other);
  app::webhooks::WebhookSettings settings;
  app::webhooks::WebhookFanOut fan_out_a(*storage_, settings);
  app::webhooks::WebhookFanOut fan_out_b(*other, settings);
  app::outbox::OutboxDispatch a(*storage_, clock_, {&fan_out_a});
  app::outbox::OutboxDispatch b(*other, clock_, {&fan_out_b});
  std::atomic<std::size_t> total{0};
  std::atomic<int> failures{0};
  auto run = [&](app::outbox::OutboxDispatch& dispatch) {
    for (int round = 0; round < 6; ++round) {
      auto done = dispatch.dispatch_batch(5);
      if (!done) {
        ++failures;
      } else {
        total += *done;
      }
    }
  };
  std::thread one([&] { run(a); });
  std::thread two([&] { run(b); });
  one.join();
  two.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(total.load(), 24U);
  auto followed = storage_->outbox().dispatched_after(0, 100);
  ASSERT_TRUE(followed.ok());
  ASSERT_EQ(followed->size(), 24U);
  std::set<std::int64_t> ids;
  for (std::size_t i = 0; i < followed->size(); ++i) {
    EXPECT_EQ((*followed)[i].dispatch_seq, static_cast<std::int64_t>(i + 1)) << "no gap, no repeat";
    ids.insert((*followed)[i].id);
  }
  EXPECT_EQ(ids.size(), 24U);
  ports::DeliveryQuery query;
  query.subscription_id = subscription;
  query.limit = 100;
  EXPECT_EQ(storage_->webhooks().deliveries(query)->size(), 24U) << "one delivery per row";
}

TEST_P(IntegrationContract, SubscriptionsAreStoredWithASealedSecretAndFilteredByOwner) {
  auto mine = subscribe("apikey:7", {"complaint.verify", "complaint.*"});
  auto admins = subscribe("user:1", {"*"}, false);
  auto found = storage_->webhooks().find_subscription(mine);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->event_types, (std::vector<std::string>{"complaint.verify", "complaint.*"}));
  EXPECT_EQ((*found)->owner, "apikey:7");
  EXPECT_TRUE((*found)->active);
  EXPECT_EQ((*found)->created_at, clock_.now());
  EXPECT_EQ(storage_->webhooks().subscriptions("apikey:7")->size(), 1U);
  EXPECT_EQ(storage_->webhooks().subscriptions("")->size(), 2U);

  auto changed = **found;
  changed.name = "SIMPEG 2";
  changed.active = false;
  changed.unit_code = "dinas-pupr";
  ASSERT_TRUE(storage_
                  ->write([&](ports::Transaction& tx) -> Result<void> {
                    auto updated = tx.webhooks().update_subscription(changed, std::nullopt);
                    if (!updated) return updated.error();
                    EXPECT_TRUE(*updated);
                    auto active = tx.webhooks().active_subscriptions();
                    if (!active) return active.error();
                    EXPECT_TRUE(active->empty()) << "both are paused now";
                    return {};
                  })
                  .ok());
  EXPECT_EQ(*storage_->webhooks().find_subscription(mine).value(), changed);

  ASSERT_TRUE(storage_
                  ->write([&](ports::Transaction& tx) -> Result<void> {
                    EXPECT_TRUE(tx.webhooks().delete_subscription(admins).value());
                    EXPECT_FALSE(tx.webhooks().delete_subscription(admins).value());
                    return {};
                  })
                  .ok());
  EXPECT_FALSE(storage_->webhooks().find_subscription(admins)->has_value());
}

TEST_P(IntegrationContract, DeliveriesAreClaimedOneCaseAtATimeRetriedDeadLetteredAndRedelivered) {
  auto subscription = subscribe("user:1");
  auto x = submit();
  auto y = submit();
  auto now = clock_.now();
  auto pending = lock_pending();
  ASSERT_EQ(pending.size(), 2U);
  // Two events of case x (the second one made up on the same outbox row order), one of y.
  std::vector<std::int64_t> delivery_ids;
  ASSERT_TRUE(
      storage_
          ->write([&](ports::Transaction& tx) -> Result<void> {
            EXPECT_TRUE(tx.webhooks()
                            .add_delivery({subscription, pending[0].id, x.id, "complaint.submitted", "{\"n\":1}", now})
                            .value());
            EXPECT_FALSE(tx.webhooks()
                             .add_delivery({subscription, pending[0].id, x.id, "complaint.submitted", "{}", now})
                             .value())
                << "the same row twice changes nothing";
            EXPECT_TRUE(tx.webhooks()
                            .add_delivery({subscription, pending[1].id, y.id, "complaint.submitted", "{\"n\":3}", now})
                            .value());
            return {};
          })
          .ok());
  // A later event of x: verify it.
  domain::access::Actor staff;
  staff.kind = domain::access::ActorKind::staff;
  staff.id = 7;
  staff.memberships = {{"pemkot-palembang", domain::access::Role::supervisor}};
  app::complaints::CaseAction verify;
  verify.action = "verify";
  ASSERT_TRUE(app::complaints::act_on_case(*storage_, clock_, *rules_, staff, x.id, verify).ok());
  auto later = lock_pending();
  ASSERT_EQ(later.size(), 3U);
  ASSERT_TRUE(storage_
                  ->write([&](ports::Transaction& tx) -> Result<void> {
                    EXPECT_TRUE(
                        tx.webhooks()
                            .add_delivery({subscription, later[2].id, x.id, "complaint.verify", "{\"n\":2}", now})
                            .value());
                    return {};
                  })
                  .ok());

  auto claim = [&](TimePoint at) {
    std::optional<ports::ClaimedDelivery> claimed;
    EXPECT_TRUE(storage_
                    ->write([&](ports::Transaction& tx) -> Result<void> {
                      auto next = tx.webhooks().claim_next(at, at + 60s);
                      if (!next) return next.error();
                      claimed = *next;
                      return {};
                    })
                    .ok());
    return claimed;
  };
  auto record = [&](std::int64_t id, TimePoint at, int status, ports::DeliveryStatus outcome,
                    std::optional<TimePoint> next) {
    bool recorded = false;
    EXPECT_TRUE(storage_
                    ->write([&](ports::Transaction& tx) -> Result<void> {
                      auto done = tx.webhooks().record_attempt(
                          id, {0, at, status, status ? "" : "Timeout was reached", 12}, outcome, next);
                      if (!done) return done.error();
                      recorded = *done;
                      return {};
                    })
                    .ok());
    return recorded;
  };

  auto first = claim(now);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->body, "{\"n\":1}");
  EXPECT_EQ(first->secret, "whsec_contract_secret_1") << "opened for signing";
  EXPECT_EQ(first->url, "https://hooks.example.go.id/sigap");
  EXPECT_EQ(first->attempts, 0);
  auto second = claim(now);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->body, "{\"n\":3}") << "case y; x's second event waits for its first";
  EXPECT_FALSE(claim(now).has_value()) << "x1 is leased, x2 waits behind it";
  EXPECT_EQ(storage_->webhooks().next_due().value(), now) << "x2 is due, though it waits";

  EXPECT_TRUE(record(first->id, now, 0, ports::DeliveryStatus::pending, now + 10s));
  EXPECT_TRUE(record(second->id, now, 200, ports::DeliveryStatus::delivered, std::nullopt));
  EXPECT_FALSE(claim(now + 5s).has_value()) << "x1 waits for its retry, x2 behind it";
  auto retried = claim(now + 11s);
  ASSERT_TRUE(retried.has_value());
  EXPECT_EQ(retried->id, first->id);
  EXPECT_EQ(retried->attempts, 1);
  EXPECT_TRUE(record(first->id, now + 11s, 200, ports::DeliveryStatus::delivered, std::nullopt));
  EXPECT_FALSE(record(first->id, now + 12s, 200, ports::DeliveryStatus::delivered, std::nullopt))
      << "no longer pending";
  auto x2 = claim(now + 12s);
  ASSERT_TRUE(x2.has_value());
  EXPECT_EQ(x2->body, "{\"n\":2}");
  EXPECT_TRUE(record(x2->id, now + 12s, 0, ports::DeliveryStatus::dead, std::nullopt));
  EXPECT_FALSE(storage_->webhooks().next_due()->has_value());

  ports::DeliveryQuery dead;
  dead.status = ports::DeliveryStatus::dead;
  auto letters = storage_->webhooks().deliveries(dead);
  ASSERT_TRUE(letters.ok());
  ASSERT_EQ(letters->size(), 1U);
  EXPECT_EQ(letters->front().id, x2->id);
  EXPECT_EQ(letters->front().attempts, 1);
  ASSERT_EQ(letters->front().history.size(), 1U);
  EXPECT_EQ(letters->front().history.front().error, "Timeout was reached");
  EXPECT_EQ(letters->front().finished_at, now + 12s);
  auto delivered = storage_->webhooks().find_delivery(first->id);
  ASSERT_TRUE(delivered.ok() && delivered->has_value());
  EXPECT_EQ((*delivered)->status, ports::DeliveryStatus::delivered);
  ASSERT_EQ((*delivered)->history.size(), 2U);
  EXPECT_EQ((*delivered)->history[0].attempt, 1);
  EXPECT_EQ((*delivered)->history[0].status_code, 0);
  EXPECT_EQ((*delivered)->history[0].error, "Timeout was reached");
  EXPECT_EQ((*delivered)->history[1].status_code, 200);
  EXPECT_EQ((*delivered)->history[1].at, now + 11s);

  ASSERT_TRUE(storage_
                  ->write([&](ports::Transaction& tx) -> Result<void> {
                    EXPECT_TRUE(tx.webhooks().redeliver(x2->id, now + 1h).value());
                    EXPECT_FALSE(tx.webhooks().redeliver(x2->id, now + 1h).value()) << "only a dead letter";
                    EXPECT_FALSE(tx.webhooks().redeliver(first->id, now + 1h).value());
                    return {};
                  })
                  .ok());
  auto again = claim(now + 1h);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->id, x2->id);
  EXPECT_EQ(again->retry_from, now + 1h) << "a fresh retry window";

  // A paused subscription's deliveries wait.
  EXPECT_TRUE(record(again->id, now + 1h, 500, ports::DeliveryStatus::pending, now + 1h));
  auto paused = *storage_->webhooks().find_subscription(subscription).value();
  paused.active = false;
  ASSERT_TRUE(storage_
                  ->write([&](ports::Transaction& tx) -> Result<void> {
                    return tx.webhooks().update_subscription(paused, std::nullopt).ok() ? Result<void>{}
                                                                                        : Error::internal("update");
                  })
                  .ok());
  EXPECT_FALSE(claim(now + 2h).has_value());
  EXPECT_FALSE(storage_->webhooks().next_due()->has_value());
}

TEST_P(IntegrationContract, NotificationsAreClaimedPerCaseInOrderAndTemplatesAreSeededInBothLanguages) {
  auto x = submit("rina@example.com");
  auto y = submit("budi@example.com", false, "en");
  auto pending = lock_pending();
  ASSERT_EQ(pending.size(), 2U);
  auto now = clock_.now();
  auto add = [&](std::int64_t outbox, std::int64_t complaint, dn::Notice notice) {
    ports::Notification n;
    n.outbox_id = outbox;
    n.complaint_id = complaint;
    n.notice = notice;
    n.unit_code = "dinas-pupr";
    n.created_at = now;
    bool added = false;
    EXPECT_TRUE(storage_
                    ->write([&](ports::Transaction& tx) -> Result<void> {
                      added = tx.notifications().add(n).value();
                      return {};
                    })
                    .ok());
    return added;
  };
  EXPECT_TRUE(add(pending[0].id, x.id, dn::Notice::received));
  EXPECT_FALSE(add(pending[0].id, x.id, dn::Notice::received)) << "once per row and case";
  EXPECT_TRUE(add(pending[1].id, x.id, dn::Notice::verified));  // a later row for x (made up)
  EXPECT_TRUE(add(pending[1].id, y.id, dn::Notice::received));

  auto claim = [&](TimePoint at) {
    std::optional<ports::Notification> claimed;
    EXPECT_TRUE(storage_
                    ->write([&](ports::Transaction& tx) -> Result<void> {
                      claimed = tx.notifications().claim_next(at, at + 60s).value();
                      return {};
                    })
                    .ok());
    return claimed;
  };
  auto first = claim(now);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->complaint_id, x.id);
  EXPECT_EQ(first->notice, dn::Notice::received);
  EXPECT_EQ(first->unit_code, "dinas-pupr");
  auto second = claim(now);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->complaint_id, y.id) << "x's verified waits for x's received";
  EXPECT_FALSE(claim(now).has_value());
  ASSERT_TRUE(storage_
                  ->write([&](ports::Transaction& tx) -> Result<void> {
                    EXPECT_TRUE(tx.notifications()
                                    .record_attempt(first->id, now, ports::DeliveryStatus::delivered, std::nullopt, "")
                                    .value());
                    EXPECT_TRUE(
                        tx.notifications()
                            .record_attempt(second->id, now, ports::DeliveryStatus::pending, now + 30s, "SMTP 451")
                            .value());
                    return {};
                  })
                  .ok());
  auto third = claim(now);
  ASSERT_TRUE(third.has_value());
  EXPECT_EQ(third->notice, dn::Notice::verified);
  EXPECT_EQ(storage_->notifications().next_due().value(), now + 30s);

  ports::NotificationQuery query;
  query.status = ports::DeliveryStatus::pending;
  auto waiting = storage_->notifications().notifications(query);
  ASSERT_TRUE(waiting.ok());
  ASSERT_EQ(waiting->size(), 2U);
  EXPECT_EQ(waiting->front().public_code, y.public_code) << "newest first";
  EXPECT_EQ(waiting->front().last_error, "SMTP 451");
  EXPECT_EQ(waiting->front().attempts, 1);

  auto templates = storage_->notifications().templates();
  ASSERT_TRUE(templates.ok());
  EXPECT_EQ(templates->size(), 14U) << "7 notices in id and en";
  auto english = storage_->notifications().find_template(dn::Notice::resolved, Language::en);
  ASSERT_TRUE(english.ok() && english->has_value());
  EXPECT_NE((*english)->body.find("{tracking_url}"), std::string::npos);
  EXPECT_FALSE((*english)->updated_at.has_value());
  auto edited = **english;
  edited.subject = "Done: {code}";
  edited.updated_at = now;
  edited.updated_by = "user:1";
  ASSERT_TRUE(storage_->write([&](ports::Transaction& tx) { return tx.notifications().save_template(edited); }).ok());
  EXPECT_EQ(*storage_->notifications().find_template(dn::Notice::resolved, Language::en).value(), edited);
}

TEST_P(IntegrationContract, TheReportersLanguageAndChoiceSurviveTheRoundTrip) {
  auto chosen = submit("rina@example.com", true, "en", "email");
  auto found = storage_->complaints().find_by_id(chosen.id);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->language, Language::en);
  EXPECT_EQ((*found)->notify_choice, "email");
  EXPECT_TRUE((*found)->anonymous);
  auto plain = submit();
  EXPECT_EQ(storage_->complaints().find_by_id(plain.id).value()->language, Language::id);
  EXPECT_EQ(storage_->complaints().find_by_id(plain.id).value()->notify_choice, "");
}

SIGAP_STORAGE_CONTRACT(IntegrationContract);

}  // namespace
}  // namespace sigap::testing
