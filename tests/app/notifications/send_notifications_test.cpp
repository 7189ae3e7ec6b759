// Messages to reporters end to end in one process: committed status changes fanned out into
// notifications, composed from the templates in the reporter's language, and sent by SMTP
// through libcurl to a small SMTP sink on loopback; anonymous reports stay silent unless the
// reporter asked; a refused mailbox is given up at once, an unreachable server retried and then
// dead-lettered. The fake clock is the only thing faked.
#include "app/notifications/send_notifications.hpp"

#include <gtest/gtest.h>

#include "app/case_world.hpp"
#include "app/notifications/notification_admin.hpp"
#include "app/notifications/notification_fan_out.hpp"
#include "app/outbox/dispatch_outbox.hpp"
#include "notify/smtp_email_sender.hpp"
#include "support/smtp_sink.hpp"

namespace sigap::testing {
namespace {

namespace dn = domain::notifications;
namespace ports = app::ports;
using namespace std::chrono_literals;

class ReporterNotifications : public ::testing::Test {
 protected:
  explicit ReporterNotifications(std::string smtp_url = {}, std::set<std::string> refuse = {})
      : sink_(std::move(refuse)),
        sender_({smtp_url.empty() ? sink_.url() : smtp_url, "sigap@palembang.go.id", "Sigap Kota Palembang", "", "",
                 false, 5s}),
        fan_out_({dn::NotifyChannel::email}),
        dispatch_(world_.storage(), world_.clock(), {&fan_out_}),
        deliverer_(world_.storage(), world_.clock(), {&sender_},
                   {"https://sigap.palembang.go.id/", {1s, 10s, 60s}, 30s}, [] { return 0.5; }) {}

  std::size_t deliver() {
    EXPECT_TRUE(dispatch_.dispatch_all().ok());
    auto sent = deliverer_.run_until_idle();
    EXPECT_TRUE(sent.ok());
    return sent.ok() ? *sent : 0;
  }

  std::vector<ports::Notification> notifications() {
    auto found = world_.storage().notifications().notifications({});
    EXPECT_TRUE(found.ok());
    return found.ok() ? *found : std::vector<ports::Notification>{};
  }

  CaseWorld world_;
  SmtpSink sink_;
  notify::SmtpEmailSender sender_;
  app::notifications::NotificationFanOut fan_out_;
  app::outbox::OutboxDispatch dispatch_;
  app::notifications::NotificationDeliverer deliverer_;
};

TEST_F(ReporterNotifications, AnEnglishReporterGetsAnEnglishEmailWithTheCodeAndTheTrackingLink) {
  auto complaint = world_.submit("air-bersih", [](auto& draft) {
    draft.reporter_email = "rina.s@example.com";
    draft.language = "en";
  });
  EXPECT_EQ(deliver(), 1U);
  ASSERT_TRUE(sink_.wait_for(1, 5s));
  auto mail = sink_.mails().front();
  EXPECT_EQ(mail.from, "sigap@palembang.go.id");
  EXPECT_EQ(mail.to, (std::vector<std::string>{"rina.s@example.com"}));
  EXPECT_EQ(mail.header("Subject"), "Your complaint " + complaint.public_code + " has been received");
  EXPECT_EQ(mail.header("Content-Language"), "en");
  EXPECT_EQ(mail.header("Auto-Submitted"), "auto-generated");
  EXPECT_NE(mail.header("From").find("sigap@palembang.go.id"), std::string::npos);
  auto text = mail.text();
  EXPECT_NE(text.find("we have received your complaint with code " + complaint.public_code), std::string::npos) << text;
  EXPECT_NE(text.find("https://sigap.palembang.go.id/lacak/" + complaint.public_code), std::string::npos) << text;
  EXPECT_NE(text.find("Perumda Air Minum Tirta Musi"), std::string::npos) << "the unit by name: " << text;
  EXPECT_NE(text.find("Status: Received."), std::string::npos) << text;
  EXPECT_NE(text.find(" WIB"), std::string::npos) << "the deadline on the unit's clock: " << text;
  auto sent = notifications();
  ASSERT_EQ(sent.size(), 1U);
  EXPECT_EQ(sent.front().status, ports::DeliveryStatus::delivered);
  EXPECT_EQ(sent.front().language, Language::en);
}

TEST_F(ReporterNotifications, IndonesianByDefaultAndEachStatusChangeInTheOrderItHappened) {
  auto complaint = world_.submit("air-bersih", [](auto& draft) { draft.reporter_email = "budi@example.com"; });
  world_.act(complaint.id, "verify");
  world_.act(complaint.id, "assign");  // tells the reporter nothing
  world_.act(complaint.id, "ask_info");
  EXPECT_EQ(deliver(), 3U);
  ASSERT_TRUE(sink_.wait_for(3, 5s));
  auto mails = sink_.mails();
  ASSERT_EQ(mails.size(), 3U);
  EXPECT_EQ(mails[0].header("Subject"), "Aduan " + complaint.public_code + " telah diterima");
  EXPECT_EQ(mails[1].header("Subject"), "Aduan " + complaint.public_code + " telah diverifikasi");
  EXPECT_EQ(mails[2].header("Subject"), "Aduan " + complaint.public_code + " menunggu keterangan Anda");
  EXPECT_EQ(mails[0].header("Content-Language"), "id");
  EXPECT_NE(mails[1].text().find("Status: Terverifikasi."), std::string::npos) << mails[1].text();
}

TEST_F(ReporterNotifications, AnonymousReportsAreSilentUnlessTheReporterAskedToBeTold) {
  world_.submit("air-bersih", [](auto& draft) {
    draft.reporter_email = "diam@example.com";
    draft.anonymous = true;
  });
  auto asked = world_.submit("air-bersih", [](auto& draft) {
    draft.reporter_email = "kabari@example.com";
    draft.anonymous = true;
    draft.notify = "email";
  });
  world_.submit("air-bersih", [](auto& draft) {
    draft.reporter_email = "tidak@example.com";
    draft.notify = "none";
  });
  world_.submit();  // no contact at all
  EXPECT_EQ(deliver(), 1U);
  ASSERT_TRUE(sink_.wait_for(1, 5s));
  auto mails = sink_.mails();
  ASSERT_EQ(mails.size(), 1U);
  EXPECT_EQ(mails.front().to, (std::vector<std::string>{"kabari@example.com"}));
  auto rows = notifications();
  ASSERT_EQ(rows.size(), 1U) << "nothing is even queued for the others";
  EXPECT_EQ(rows.front().complaint_id, asked.id);
}

TEST_F(ReporterNotifications, AnAdminsEditedTemplateIsWhatTheReporterReads) {
  app::notifications::NotificationAdmin admin(world_.storage(), world_.clock());
  ports::NotificationTemplate text;
  text.notice = dn::Notice::received;
  text.language = Language::id;
  text.subject = "Laporan {code} sudah kami catat";
  text.body = "Kode {code}, unit {unit}. Lacak: {tracking_url}";
  ASSERT_TRUE(admin.save_template(text, "user:1").ok());
  auto complaint = world_.submit("air-bersih", [](auto& draft) { draft.reporter_email = "sari@example.com"; });
  deliver();
  ASSERT_TRUE(sink_.wait_for(1, 5s));
  auto mail = sink_.mails().front();
  EXPECT_EQ(mail.header("Subject"), "Laporan " + complaint.public_code + " sudah kami catat");
  EXPECT_EQ(mail.text(), "Kode " + complaint.public_code +
                             ", unit Perumda Air Minum Tirta Musi. Lacak: https://sigap.palembang.go.id/lacak/" +
                             complaint.public_code);
}

class RefusingMailbox : public ReporterNotifications {
 protected:
  RefusingMailbox() : ReporterNotifications({}, {"hilang@example.com"}) {}
};

TEST_F(RefusingMailbox, IsGivenUpAtOnceWithoutNamingTheAddress) {
  world_.submit("air-bersih", [](auto& draft) { draft.reporter_email = "hilang@example.com"; });
  EXPECT_EQ(deliver(), 1U);
  auto rows = notifications();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows.front().status, ports::DeliveryStatus::dead);
  EXPECT_EQ(rows.front().attempts, 1);
  EXPECT_NE(rows.front().last_error.find("550"), std::string::npos) << rows.front().last_error;
  EXPECT_EQ(rows.front().last_error.find("hilang"), std::string::npos) << "never the address";
  EXPECT_TRUE(sink_.mails().empty());
}

class UnreachableMailServer : public ReporterNotifications {
 protected:
  UnreachableMailServer()
      : ReporterNotifications("smtp://127.0.0.1:" + std::to_string(LoopbackListener::free_port())) {}
};

TEST_F(UnreachableMailServer, IsTriedAgainWithBackoffAndDeadLetteredAfterTheWindow) {
  world_.submit("air-bersih", [](auto& draft) { draft.reporter_email = "rina@example.com"; });
  EXPECT_EQ(deliver(), 1U);
  auto rows = notifications();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows.front().status, ports::DeliveryStatus::pending);
  EXPECT_GT(rows.front().next_attempt_at, world_.clock().now()) << "not before the backoff";
  EXPECT_FALSE(rows.front().last_error.empty());
  int rounds = 0;
  while (notifications().front().status == ports::DeliveryStatus::pending && rounds++ < 50) {
    world_.clock().advance(10s);
    ASSERT_TRUE(deliverer_.run_until_idle().ok());
  }
  rows = notifications();
  EXPECT_EQ(rows.front().status, ports::DeliveryStatus::dead);
  EXPECT_GE(rows.front().attempts, 6) << "retried over the 60 s window";
  EXPECT_LE(world_.clock().now() - rows.front().created_at, 80s);
}

}  // namespace
}  // namespace sigap::testing
