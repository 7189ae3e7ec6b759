// E-mail reports end to end: a test LMTP client delivers, as Postfix would, to the real
// listener on 127.0.0.1 in front of a real test server (SQLite file, photo store); answers to
// the reporter go through the real notifications to an SMTP sink; staff read and work the case
// through the HTTP API. The clock is the only thing not faked: nothing is.
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "app/identity/user_admin.hpp"
#include "app/notifications/notification_fan_out.hpp"
#include "app/notifications/send_notifications.hpp"
#include "app/outbox/dispatch_outbox.hpp"
#include "channels/email/email_listener.hpp"
#include "lmtp_client.hpp"
#include "media/test_images.hpp"
#include "notify/smtp_email_sender.hpp"
#include "support/http_client.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

namespace email = channels::email;
namespace dc = domain::complaints;
using namespace std::chrono_literals;

constexpr std::string_view kCity = "aduan@palembang.go.id";
constexpr std::string_view kPassword = "Sungai-Musi-2026!";
constexpr std::size_t kLimit = 2 * 1024 * 1024;

// A message as a mail program writes it; `parts` empty: a text/plain body.
struct Mail {
  std::string from = "Budi Santoso <budi@example.com>";
  std::string subject = "Lampu jalan mati di Jl. Merdeka";
  std::string message_id = "<report-1@example.com>";
  std::string text = "Lampu jalan di depan rumah nomor 12 mati sejak tiga hari.\nMohon segera diperbaiki.";
  std::vector<std::string> jpegs;
  std::string extra_headers;

  [[nodiscard]] std::string build() const {
    std::string head = "From: " + from + "\r\nTo: " + std::string(kCity) + "\r\nSubject: " + subject +
                       "\r\nDate: Thu, 26 Nov 2026 08:00:00 +0700\r\nMIME-Version: 1.0\r\n" + extra_headers;
    if (!message_id.empty()) head += "Message-ID: " + message_id + "\r\n";
    if (jpegs.empty()) return head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n";
    std::string body = head + "Content-Type: multipart/mixed; boundary=\"=_b\"\r\n\r\n--=_b\r\n"
                              "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n";
    for (std::size_t i = 0; i < jpegs.size(); ++i) {
      body += "--=_b\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; filename=\"foto" +
              std::to_string(i + 1) + ".jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
              notify::base64(jpegs[i], true);
    }
    return body + "--=_b--\r\n";
  }
};

std::string code_in(const std::string& reply) {
  auto at = reply.find("SGP-");
  return at == std::string::npos ? "" : reply.substr(at, 13);
}

class EmailDeliveryTest : public ::testing::Test {
 protected:
  EmailDeliveryTest()
      : sender_({sink_.url(), std::string(kCity), "Sigap Kota Palembang", "", "", false, 5s}),
        fan_out_({domain::notifications::NotifyChannel::email}),
        dispatch_(server_.storage(), clock_, {&fan_out_}),
        deliverer_(server_.storage(), clock_, {&sender_}, {"https://sigap.palembang.go.id", {1s, 10s, 60s}, 30s},
                   [] { return 0.5; }),
        door_(server_.storage(), clock_, server_.service().intake(), server_.service().sla_rules(),
              server_.service().photo_store()),
        listener_(options(), door_) {
    auto listening = listener_.listen();
    EXPECT_TRUE(listening.ok());
    listener_.start();
  }

  static email::LmtpServerOptions options() {
    email::LmtpServerOptions options;
    options.host = "127.0.0.1";
    options.host_name = "sigap.test";
    options.recipients = email::RecipientPolicy::parse(kCity, "lmtp_recipients").value();
    options.limits.max_message_bytes = kLimit;
    options.idle_timeout = 2s;
    options.max_connections = 16;
    return options;
  }

  std::vector<std::string> deliver(const Mail& mail, std::string envelope = "budi@example.com") {
    LmtpClient client(listener_.port());
    auto replies = client.deliver(envelope, {std::string(kCity)}, mail.build());
    client.command("QUIT");
    return replies;
  }

  std::int64_t cases() { return server_.storage().complaints().count().value(); }

  dc::Complaint case_of(const std::string& code) {
    auto found = server_.storage().complaints().find_by_code(code);
    EXPECT_TRUE(found.ok() && found->has_value()) << code;
    return found.ok() && found->has_value() ? **found : dc::Complaint{};
  }

  // Fans committed events out into messages and sends them to the sink.
  void send_notifications() {
    ASSERT_TRUE(dispatch_.dispatch_all().ok());
    ASSERT_TRUE(deliverer_.run_until_idle().ok());
  }

  std::vector<std::string> staff_headers() {
    app::identity::UserAdmin admin(server_.storage(), clock_);
    EXPECT_TRUE(admin
                    .create({"pengawas@palembang.go.id", "Pengawas", std::string(kPassword),
                             domain::identity::UserKind::staff,
                             {{"pemkot-palembang", domain::access::Role::supervisor}}},
                            "test")
                    .ok());
    HttpClient client(server_.base_url());
    auto signed_in = client.post_json(
        "/api/v1/session", R"({"email":"pengawas@palembang.go.id","password":")" + std::string(kPassword) + "\"}");
    EXPECT_EQ(signed_in.status, 201) << signed_in.body;
    auto cookie = signed_in.header("set-cookie");
    return {"Cookie: " + cookie.substr(0, cookie.find(';')),
            "X-CSRF-Token: " + std::string(signed_in.json().as_object().at("csrf_token").as_string()),
            "Content-Type: application/json"};
  }

  SystemClock clock_;
  TestServer server_;
  SmtpSink sink_;
  notify::SmtpEmailSender sender_;
  app::notifications::NotificationFanOut fan_out_;
  app::outbox::OutboxDispatch dispatch_;
  app::notifications::NotificationDeliverer deliverer_;
  email::EmailDoor door_;
  email::EmailListener listener_;
};

TEST_F(EmailDeliveryTest, AReportWithAPhotoBecomesACaseTheCodeComesBackAndAStatusChangeIsMailed) {
  Mail mail;
  mail.jpegs = {media::testing::noise_jpeg(400, 300)};
  auto replies = deliver(mail);
  ASSERT_EQ(replies.size(), 1U);
  ASSERT_TRUE(replies[0].starts_with("250 2.0.0 Delivered as SGP-")) << replies[0];
  auto code = code_in(replies[0]);
  auto complaint = case_of(code);
  EXPECT_EQ(complaint.channel, dc::Channel::email);
  EXPECT_EQ(complaint.title, "Lampu jalan mati di Jl. Merdeka");
  EXPECT_EQ(complaint.description, mail.text);
  EXPECT_EQ(complaint.reporter.email, "budi@example.com");
  EXPECT_EQ(complaint.reporter.name, "Budi Santoso");
  EXPECT_EQ(complaint.language, Language::id);
  EXPECT_EQ(complaint.category_code, "lampu-jalan") << "suggested from the text like any report";

  // The code comes back by e-mail, in Indonesian, with the tracking link.
  send_notifications();
  ASSERT_TRUE(sink_.wait_for(1, 5s));
  auto received = sink_.mails().front();
  EXPECT_EQ(received.to, (std::vector<std::string>{"budi@example.com"}));
  EXPECT_NE(received.header("Subject").find(code), std::string::npos) << received.header("Subject");
  EXPECT_NE(received.text().find("https://sigap.palembang.go.id/lacak/" + code), std::string::npos) << received.text();

  // Staff find it in the inbox with its photo.
  auto staff = staff_headers();
  HttpClient client(server_.base_url());
  auto inbox = client.get("/api/v1/complaints?channel=email", staff);
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  auto items = inbox.json().as_object().at("items").as_array();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].as_object().at("code").as_string(), code);
  auto id = std::to_string(complaint.id);
  auto photo = client.get("/api/v1/complaints/" + id + "/photos/1", staff);
  EXPECT_EQ(photo.status, 200);
  EXPECT_EQ(photo.header("content-type"), "image/jpeg");

  // A status change goes out by e-mail as for any report.
  auto verified = client.request("POST", "/api/v1/complaints/" + id + "/actions", R"({"action":"verify"})", staff);
  ASSERT_EQ(verified.status, 200) << verified.body;
  send_notifications();
  ASSERT_TRUE(sink_.wait_for(2, 5s));
  auto told = sink_.mails().back();
  EXPECT_EQ(told.to, (std::vector<std::string>{"budi@example.com"}));
  EXPECT_NE(told.header("Subject").find(code), std::string::npos);
  EXPECT_NE(told.text().find("telah diverifikasi"), std::string::npos) << told.text();
}

TEST_F(EmailDeliveryTest, AReplyThreadedByTheCodeInTheSubjectLandsOnTheCase) {
  auto code = code_in(deliver(Mail{}).at(0));
  ASSERT_FALSE(code.empty());
  Mail reply;
  reply.subject = "Re: Aduan " + code + " telah diterima";
  reply.message_id = "<reply-1@example.com>";
  reply.text = "Lampunya sekarang berkedip dan kabelnya menjuntai.\n\n"
               "Pada Kam, 26 Nov 2026 08.01, Sigap Kota Palembang <aduan@palembang.go.id> menulis:\n"
               "> Terima kasih, aduan Anda telah kami terima.\n";
  reply.jpegs = {media::testing::noise_jpeg(160, 120)};
  auto replies = deliver(reply);
  ASSERT_EQ(replies.size(), 1U);
  EXPECT_EQ(replies[0], "250 2.0.0 Delivered as " + code + "\r\n");
  EXPECT_EQ(cases(), 1) << "a reply, not a new case";
  auto complaint = case_of(code);
  auto events = server_.storage().complaints().events(complaint.id, true).value();
  ASSERT_GE(events.size(), 3U);
  const auto& replied = events[events.size() - 2];
  EXPECT_EQ(replied.type, "reporter_reply");
  EXPECT_EQ(replied.channel, dc::Channel::email);
  EXPECT_EQ(replied.detail, "Lampunya sekarang berkedip dan kabelnya menjuntai.") << "the quote is trimmed";
  EXPECT_EQ(events.back().type, "photos_added");
  EXPECT_EQ(server_.storage().complaints().photos(complaint.id).value().size(), 1U);

  // Delivered again (the MTA did not hear the answer): nothing changes.
  EXPECT_EQ(deliver(reply).at(0), "250 2.0.0 Delivered as " + code + "\r\n");
  EXPECT_EQ(server_.storage().complaints().events(complaint.id, true).value().size(), events.size());

  // The same subject from someone else is their own new report; so is a code with a wrong check symbol.
  Mail neighbour = reply;
  neighbour.from = "Tetangga <tetangga@example.com>";
  neighbour.message_id = "<neighbour@example.com>";
  auto other = code_in(deliver(neighbour, "tetangga@example.com").at(0));
  EXPECT_NE(other, code);
  EXPECT_EQ(cases(), 2);
  Mail typo = reply;
  typo.message_id = "<typo@example.com>";
  typo.subject = "Re: " + code.substr(0, 12) + (code.back() == 'Z' ? 'Y' : 'Z');
  auto third = code_in(deliver(typo).at(0));
  EXPECT_NE(third, code);
  EXPECT_EQ(cases(), 3);
}

TEST_F(EmailDeliveryTest, HtmlOnlyMailAndANonUtf8CharsetBecomeReadableText) {
  Mail html;
  html.message_id = "<html@example.com>";
  auto built = html.build();
  built.replace(built.find("Content-Type: text/plain; charset=utf-8"), 39, "Content-Type: text/html; charset=utf-8");
  built.replace(built.find(html.text), html.text.size(),
                "<html><body><p>Sampah menumpuk di Jl. Kapten Rivai &amp; baunya menyengat.</p>"
                "<p>Sudah <b>seminggu</b> belum diangkut.</p></body></html>");
  LmtpClient client(listener_.port());
  auto replies = client.deliver("budi@example.com", {std::string(kCity)}, built);
  ASSERT_EQ(replies.size(), 1U);
  auto complaint = case_of(code_in(replies[0]));
  EXPECT_EQ(complaint.description,
            "Sampah menumpuk di Jl. Kapten Rivai & baunya menyengat.\n\nSudah seminggu belum diangkut.");

  std::string latin1 =
      "From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.com>\r\nTo: aduan@palembang.go.id\r\n"
      "Subject: =?ISO-8859-1?Q?Trotoar_caf=E9_rusak?=\r\nMessage-ID: <latin1@example.com>\r\nMIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
      "Trotoar di depan caf\xE9 Musi pecah dan membahayakan pejalan kaki.\r\n";
  auto second = client.deliver("andre@example.com", {std::string(kCity)}, latin1);
  ASSERT_EQ(second.size(), 1U);
  ASSERT_TRUE(second[0].starts_with("250")) << second[0];
  auto other = case_of(code_in(second[0]));
  EXPECT_EQ(other.title, "Trotoar caf\u00E9 rusak");
  EXPECT_EQ(other.description, "Trotoar di depan caf\u00E9 Musi pecah dan membahayakan pejalan kaki.");
  EXPECT_EQ(other.reporter.name, "Andr\u00E9");
}

TEST_F(EmailDeliveryTest, TheSameMessageIdTwiceMakesOneCase) {
  auto first = deliver(Mail{});
  auto again = deliver(Mail{});
  ASSERT_EQ(first.size(), 1U);
  ASSERT_EQ(again.size(), 1U);
  EXPECT_EQ(first[0], again[0]) << "the same answer, the same code";
  EXPECT_EQ(cases(), 1);
  // Two recipients of the city in one transaction: one case, one reply each.
  Mail both;
  both.message_id = "<both@example.com>";
  LmtpClient client(listener_.port());
  auto replies = client.deliver("budi@example.com", {std::string(kCity), std::string(kCity)}, both.build());
  ASSERT_EQ(replies.size(), 2U);
  EXPECT_EQ(replies[0], replies[1]);
  EXPECT_EQ(cases(), 2);
}

TEST_F(EmailDeliveryTest, AnEnglishReportIsAnsweredInEnglish) {
  Mail mail;
  mail.subject = "Broken street light";
  mail.text = "The street light in front of my house has been off for three days. Please fix it.";
  auto code = code_in(deliver(mail).at(0));
  EXPECT_EQ(case_of(code).language, Language::en);
  send_notifications();
  ASSERT_TRUE(sink_.wait_for(1, 5s));
  EXPECT_EQ(sink_.mails().front().header("Content-Language"), "en");
}

TEST_F(EmailDeliveryTest, AutomaticMailBouncesAndEmptyReportsCreateNothing) {
  Mail vacation;
  vacation.extra_headers = "Auto-Submitted: auto-replied\r\n";
  EXPECT_EQ(deliver(vacation).at(0), "250 2.0.0 Delivered\r\n") << "accepted and left alone";
  Mail bounce;
  bounce.message_id = "<bounce@example.com>";
  EXPECT_EQ(deliver(bounce, "").at(0), "250 2.0.0 Delivered\r\n") << "the null sender: a bounce";
  Mail empty;
  empty.message_id = "<empty@example.com>";
  empty.text = "Tolong";
  auto refused = deliver(empty).at(0);
  EXPECT_TRUE(refused.starts_with("554 5.6.0 ")) << refused;
  EXPECT_EQ(cases(), 0);
}

TEST_F(EmailDeliveryTest, TruncatedTooLargeAndGarbageSessionsGetTheirCodesAndCreateNothing) {
  {  // The connection drops inside DATA: nothing is delivered.
    LmtpClient client(listener_.port());
    client.command("LHLO mx");
    client.command("MAIL FROM:<budi@example.com>");
    client.command("RCPT TO:<aduan@palembang.go.id>");
    EXPECT_TRUE(client.command("DATA").starts_with("354"));
    auto whole = dot_stuffed(Mail{}.build());
    client.send(whole.substr(0, whole.size() / 2));
  }
  {  // Too large: 552 after the dot, and the session goes on.
    LmtpClient client(listener_.port());
    client.command("LHLO mx");
    EXPECT_TRUE(client.command("MAIL FROM:<budi@example.com> SIZE=" + std::to_string(kLimit + 1)).starts_with("552 5.3.4"));
    client.command("MAIL FROM:<budi@example.com>");
    client.command("RCPT TO:<aduan@palembang.go.id>");
    client.command("DATA");
    Mail big;
    big.message_id = "<big@example.com>";
    big.text = std::string(kLimit + 100, 'a');
    client.send(dot_stuffed(big.build()) + ".\r\n");
    EXPECT_TRUE(client.reply().starts_with("552 5.3.4")) << "refused after the final dot";
    EXPECT_TRUE(client.command("NOOP").starts_with("250"));
  }
  {  // Garbage: refusals, then the connection is closed.
    LmtpClient client(listener_.port());
    EXPECT_TRUE(client.greeting().starts_with("220 sigap.test")) << client.greeting();
    EXPECT_TRUE(client.command("HELO mx").starts_with("500 5.5.1"));
    EXPECT_TRUE(client.command("RCPT TO:<aduan@palembang.go.id>").starts_with("503 5.5.1"));
    EXPECT_TRUE(client.command(std::string("\x01\x02\xFF\xFE binary", 11)).starts_with("500 5.5.2"));
    EXPECT_TRUE(client.command(std::string(10000, 'X')).starts_with("500 5.5.2"));
    client.command("LHLO mx");
    EXPECT_TRUE(client.command("RCPT TO:<x@y>").starts_with("503")) << "no sender yet";
    EXPECT_TRUE(client.command("MAIL FROM:<a@b.c>").starts_with("250"));
    EXPECT_TRUE(client.command("RCPT TO:<walikota@palembang.go.id>").starts_with("550 5.1.1"));
    EXPECT_TRUE(client.command("DATA").starts_with("503"));
    client.send("FOO\r\nFOO\r\nFOO\r\nFOO\r\n");  // the 7th to 10th mistakes
    std::string last;
    for (int i = 0; i < 5; ++i) {
      auto reply = client.reply();
      if (reply.empty()) break;
      last += reply;
    }
    EXPECT_NE(last.find("421 4.7.0"), std::string::npos) << last;
    EXPECT_TRUE(client.closed_by_server());
  }
  {  // A silent client is told 421 after the idle time.
    LmtpClient client(listener_.port());
    auto said = client.reply();
    EXPECT_TRUE(said.starts_with("421 4.4.2")) << said;
    EXPECT_TRUE(client.closed_by_server());
  }
  EXPECT_EQ(cases(), 0);
  EXPECT_TRUE(deliver(Mail{}).at(0).starts_with("250 2.0.0 Delivered as SGP-")) << "the listener still works";
}

TEST_F(EmailDeliveryTest, ManyConnectionsAtOnceEachDeliverTheirReport) {
  constexpr int kClients = 8;
  std::vector<std::string> replies(kClients);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      Mail mail;
      mail.message_id = "<many-" + std::to_string(i) + "@example.com>";
      mail.from = "Warga " + std::to_string(i) + " <warga" + std::to_string(i) + "@example.com>";
      LmtpClient client(listener_.port());
      auto got = client.deliver("warga@example.com", {std::string(kCity)}, mail.build());
      replies[static_cast<std::size_t>(i)] = got.empty() ? "" : got[0];
    });
  }
  for (auto& client : clients) client.join();
  std::set<std::string> codes;
  for (const auto& reply : replies) {
    EXPECT_TRUE(reply.starts_with("250 2.0.0 Delivered as SGP-")) << reply;
    codes.insert(code_in(reply));
  }
  EXPECT_EQ(codes.size(), static_cast<std::size_t>(kClients));
  EXPECT_EQ(cases(), kClients);
}

TEST(LmtpReply, EachOutcomeHasItsCode) {
  using email::Delivery;
  using email::DeliveryStatus;
  EXPECT_EQ(email::lmtp_reply(Delivery{DeliveryStatus::accepted, "created", "SGP-1", {}}).code, 250);
  auto busy = email::lmtp_reply(Delivery{DeliveryStatus::temporary_failure, "x", "", {"sibuk", "busy"}});
  EXPECT_EQ(busy.code, 451);
  EXPECT_EQ(busy.enhanced, "4.3.0");
  auto refused = email::lmtp_reply(Delivery{DeliveryStatus::permanent_failure, "x", "", {"kurang", "too short"}});
  EXPECT_EQ(refused.code, 554);
  EXPECT_EQ(refused.text, "kurang / too short");
}

}  // namespace
}  // namespace sigap::testing
