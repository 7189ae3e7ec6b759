// Webhook delivery end to end in one process, with the fake clock the only thing faked: committed
// events fanned out by the dispatcher, sent by libcurl to a real receiver on loopback, retried
// with backoff while it fails, each event delivered once in order per case, signed, and carrying
// nothing about the reporter; a subscription of a unit sees only that unit's cases.
#include "app/webhooks/deliver_webhooks.hpp"

#include <map>
#include <set>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <unistd.h>

#include "app/case_world.hpp"
#include "app/outbox/dispatch_outbox.hpp"
#include "app/webhooks/webhook_admin.hpp"
#include "app/webhooks/webhook_fan_out.hpp"
#include "app/webhooks/webhook_signature.hpp"
#include "notify/curl_webhook_transport.hpp"
#include "support/webhook_receiver.hpp"

namespace sigap::testing {
namespace {

namespace json = boost::json;
namespace ports = app::ports;
using namespace std::chrono_literals;

constexpr std::string_view kSecret = "whsec_test_secret_0123456789";

app::webhooks::WebhookSettings test_settings() {
  app::webhooks::WebhookSettings settings;
  settings.allow = *domain::integration::AllowList::parse("127.0.0.1", "webhook_allow_hosts");
  settings.retry = {1s, 10s, 120s};
  settings.source = "https://sigap.test/api/v1/complaints";
  settings.lease = 30s;
  return settings;
}

class WebhookDelivery : public ::testing::Test {
 protected:
  WebhookDelivery()
      : settings_(test_settings()),
        transport_({settings_.allow, 1s, 3s}),
        fan_out_(world_.storage(), settings_),
        dispatch_(world_.storage(), world_.clock(), {&fan_out_}),
        deliverer_(world_.storage(), world_.clock(), transport_, settings_) {}

  std::int64_t subscribe(const domain::access::Actor& actor, const std::string& url,
                         std::vector<std::string> types = {"*"}) {
    app::webhooks::WebhookAdmin admin(world_.storage(), world_.clock(), &transport_, settings_);
    app::webhooks::SubscriptionDraft draft;
    draft.name = "Aplikasi dinas";
    draft.url = url;
    draft.event_types = std::move(types);
    draft.secret = std::string(kSecret);
    auto created = admin.create(actor, draft);
    if (!created.ok()) {
      ADD_FAILURE() << created.error().message().en;
      for (const auto& field : created.error().fields()) ADD_FAILURE() << field.field << ": " << field.message.en;
    }
    return created.ok() ? created->subscription.id : 0;
  }

  // Fans out, then delivers and moves the clock past the longest wait until `done` or 40 rounds.
  void deliver_until(const WebhookReceiver& receiver,
                     const std::function<bool(const std::vector<ReceivedRequest>&)>& done) {
    ASSERT_TRUE(dispatch_.dispatch_all().ok());
    for (int round = 0; round < 40 && !done(receiver.requests()); ++round) {
      ASSERT_TRUE(deliverer_.run_until_idle().ok());
      world_.clock().advance(11s);
    }
  }

  CaseWorld world_;
  app::webhooks::WebhookSettings settings_;
  notify::CurlWebhookTransport transport_;
  app::webhooks::WebhookFanOut fan_out_;
  app::outbox::OutboxDispatch dispatch_;
  app::webhooks::WebhookDeliverer deliverer_;
};

json::object event_of(const ReceivedRequest& request) { return json::parse(request.body).as_object(); }

TEST_F(WebhookDelivery, AReceiverFailingThreeTimesGetsEveryEventOnceInOrderPerCaseSigned) {
  WebhookReceiver receiver([](const ReceivedRequest&, std::size_t index) { return index < 3 ? 503 : 200; });
  subscribe(world_.admin(), receiver.url());
  auto a = world_.submit("air-bersih", [](auto& draft) {
    draft.reporter_name = "Rina Susanti";
    draft.reporter_email = "rina.s@example.com";
    draft.reporter_phone = "081234567890";
  });
  auto b = world_.submit();
  world_.act(a.id, "verify");
  world_.act(a.id, "ask_info");
  auto committed = world_.storage().outbox().dispatched_after(0, 100);  // nothing fanned out yet
  ASSERT_TRUE(committed.ok() && committed->empty());

  std::map<std::string, std::int64_t> case_of_event;  // CloudEvents id -> complaint
  auto all_delivered = [&](const std::vector<ReceivedRequest>& requests) {
    std::set<std::string> ok;
    for (const auto& request : requests) {
      if (request.answered == 200) ok.insert(std::string(event_of(request).at("id").as_string()));
    }
    return ok.size() == 4;
  };
  deliver_until(receiver, all_delivered);
  auto requests = receiver.requests();
  ASSERT_TRUE(all_delivered(requests)) << requests.size() << " requests";
  EXPECT_EQ(requests.size(), 4U + 3U) << "three failures, then each event once";

  auto fanned = world_.storage().outbox().dispatched_after(0, 100);
  ASSERT_TRUE(fanned.ok());
  ASSERT_EQ(fanned->size(), 4U);
  std::map<std::string, int> successes;
  std::map<std::int64_t, std::set<std::int64_t>> delivered_of_case;
  for (const auto& request : requests) {
    auto event = event_of(request);
    auto id = std::string(event.at("id").as_string());
    auto outbox_id = std::stoll(id);
    const auto& data = event.at("data").as_object();
    auto complaint = data.at("complaint_id").as_int64();
    // A later event of a case is never sent before the earlier ones were delivered.
    for (const auto& entry : *fanned) {
      if (entry.event.complaint_id == complaint && entry.id < outbox_id) {
        EXPECT_TRUE(delivered_of_case[complaint].contains(entry.id))
            << "event " << id << " of case " << complaint << " sent before event " << entry.id;
      }
    }
    if (request.answered == 200) {
      ++successes[id];
      delivered_of_case[complaint].insert(outbox_id);
    }
    // Signed with the subscription's secret over exactly this body, at the attempt's time.
    auto unix_now = std::chrono::duration_cast<std::chrono::seconds>(world_.clock().now().time_since_epoch()).count();
    EXPECT_TRUE(
        app::webhooks::verify_signature(request.header("sigap-signature"), kSecret, request.body, unix_now, 24 * 3600))
        << request.header("sigap-signature");
    EXPECT_FALSE(app::webhooks::verify_signature(request.header("sigap-signature"), "wrong secret", request.body,
                                                 unix_now, 24 * 3600));
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.target, "/hook");
    EXPECT_EQ(request.header("content-type"), "application/cloudevents+json; charset=utf-8");
    // CloudEvents 1.0, structured mode; nothing about the reporter.
    EXPECT_EQ(event.at("specversion").as_string(), "1.0");
    EXPECT_EQ(event.at("source").as_string(), "https://sigap.test/api/v1/complaints");
    EXPECT_EQ(event.at("datacontenttype").as_string(), "application/json");
    EXPECT_TRUE(std::string(event.at("type").as_string()).starts_with("id.go.palembang.sigap.complaint."));
    EXPECT_EQ(event.at("subject").as_string(), data.at("code").as_string());
    EXPECT_TRUE(event.at("time").as_string().ends_with("Z"));
    for (const char* personal : {"Rina", "rina.s@example.com", "1234567890", "tiga hari"}) {
      EXPECT_EQ(request.body.find(personal), std::string::npos) << personal << " in " << request.body;
    }
  }
  for (const auto& entry : *fanned) EXPECT_EQ(successes[std::to_string(entry.id)], 1) << "event " << entry.id;

  // The verify event says what changed.
  for (const auto& request : requests) {
    auto event = event_of(request);
    if (event.at("type").as_string() != "id.go.palembang.sigap.complaint.verify") continue;
    const auto& data = event.at("data").as_object();
    EXPECT_EQ(data.at("code").as_string(), a.public_code);
    EXPECT_EQ(data.at("from_status").as_string(), "submitted");
    EXPECT_EQ(data.at("to_status").as_string(), "verified");
    EXPECT_EQ(data.at("status").as_string(), "verified");
    EXPECT_EQ(data.at("event").as_string(), "verify");
  }
  ports::DeliveryQuery query;
  auto deliveries = world_.storage().webhooks().deliveries(query);
  ASSERT_TRUE(deliveries.ok());
  ASSERT_EQ(deliveries->size(), 4U);
  int attempts = 0;
  for (const auto& delivery : *deliveries) {
    EXPECT_EQ(delivery.status, ports::DeliveryStatus::delivered);
    EXPECT_EQ(delivery.history.size(), static_cast<std::size_t>(delivery.attempts));
    attempts += delivery.attempts;
    for (const auto& attempt : delivery.history) {
      if (attempt.status_code == 503) {
        EXPECT_EQ(attempt.error, "HTTP 503");
      }
    }
  }
  EXPECT_EQ(attempts, 7);
  (void)b;
}

TEST_F(WebhookDelivery, AnIntegratorsSubscriptionCarriesOnlyItsUnitsCases) {
  WebhookReceiver receiver;
  domain::access::Actor key;
  key.kind = domain::access::ActorKind::api_client;
  key.id = 3;
  key.memberships = {{"dinas-pupr", domain::access::Role::integrator}};
  key.scopes = {domain::access::Action::manage_webhooks};
  subscribe(key, receiver.url(), {"complaint.submitted"});
  auto road = world_.submit("jalan-rusak");
  auto water = world_.submit("air-bersih");
  ASSERT_EQ(road.unit_code, "dinas-pupr");
  ASSERT_NE(water.unit_code, "dinas-pupr");
  world_.act(road.id, "verify");  // not asked for
  deliver_until(receiver, [](const auto& requests) { return !requests.empty(); });
  ASSERT_TRUE(deliverer_.run_until_idle().ok());
  auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(event_of(requests.front()).at("subject").as_string(), road.public_code);
}

TEST_F(WebhookDelivery, AnAddressTheHostNoLongerMayReachIsRefusedAtDeliveryAndRetried) {
  // The subscription was allowed to reach the receiver; the operator then narrows the
  // allow-list (a restart with another webhook_allow_hosts): delivery checks again.
  WebhookReceiver receiver;
  subscribe(world_.admin(), receiver.url());
  world_.submit();
  notify::CurlWebhookTransport strict({domain::integration::AllowList{}, 1s, 3s});
  app::webhooks::WebhookDeliverer deliverer(world_.storage(), world_.clock(), strict, settings_);
  ASSERT_TRUE(dispatch_.dispatch_all().ok());
  ASSERT_TRUE(deliverer.run_until_idle().ok());
  EXPECT_TRUE(receiver.requests().empty()) << "nothing may be sent to a refused address";
  auto deliveries = world_.storage().webhooks().deliveries({});
  ASSERT_TRUE(deliveries.ok());
  ASSERT_EQ(deliveries->size(), 1U);
  EXPECT_EQ(deliveries->front().status, ports::DeliveryStatus::pending);
  ASSERT_EQ(deliveries->front().history.size(), 1U);
  EXPECT_EQ(deliveries->front().history.front().status_code, 0);
  EXPECT_TRUE(deliveries->front().history.front().error.starts_with("refused"))
      << deliveries->front().history.front().error;
}

TEST(WebhookTransport, AHostNameThatResolvesToAPrivateAddressIsRefused) {
  // The machine's own name resolves to a loopback or private address (in a container, its
  // bridge address): a subscription to it must not pass.
  char name[256] = {};
  ASSERT_EQ(gethostname(name, sizeof name - 1), 0);
  std::string host = name;
  auto addresses = notify::resolve_host(host);
  if (addresses.empty()) GTEST_SKIP() << "this machine's name does not resolve";
  bool all_public = true;
  for (const auto& address : addresses) all_public = all_public && domain::integration::is_public_address(address);
  if (all_public) GTEST_SKIP() << "this machine's name resolves to a public address";
  notify::CurlWebhookTransport transport({domain::integration::AllowList{}, 1s, 2s});
  auto checked = transport.check_destination("https://" + host + "/hook");
  ASSERT_FALSE(checked.ok());
  EXPECT_TRUE(checked.error().code() == ErrorCode::forbidden || checked.error().code() == ErrorCode::validation);
  auto sent = transport.post({"https://" + host + "/hook", {}, "{}"});
  EXPECT_EQ(sent.status, 0);
  EXPECT_TRUE(sent.error.starts_with("refused")) << sent.error;
}

}  // namespace
}  // namespace sigap::testing
