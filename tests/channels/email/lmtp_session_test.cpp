// The LMTP conversation as a state machine: the reply codes RFC 2033 and RFC 5321 prescribe,
// dot-unstuffing, one reply per recipient, pipelining, and the limits that keep memory bounded.
#include "channels/email/lmtp_session.hpp"

#include <gtest/gtest.h>

namespace sigap::channels::email {
namespace {

class LmtpSessionTest : public ::testing::Test {
 protected:
  LmtpSessionTest() : policy_(RecipientPolicy::parse("aduan@palembang.go.id, @lapor.palembang.go.id", "r").value()) {}

  LmtpSession session(LmtpLimits limits = {}) {
    return LmtpSession("mx.test", limits, policy_, [this](std::string_view message, std::string_view sender) {
      delivered_.emplace_back(message);
      senders_.emplace_back(sender);
      return reply_;
    });
  }

  RecipientPolicy policy_;
  LmtpReply reply_{250, "2.0.0", "Delivered"};
  std::vector<std::string> delivered_;
  std::vector<std::string> senders_;
};

TEST_F(LmtpSessionTest, ATransactionWithTwoRecipientsGetsTwoRepliesAfterTheDot) {
  auto s = session();
  EXPECT_TRUE(s.greeting().starts_with("220 mx.test"));
  auto lhlo = s.feed("LHLO mx.palembang.go.id\r\n");
  EXPECT_NE(lhlo.find("250-PIPELINING\r\n"), std::string::npos) << lhlo;
  EXPECT_NE(lhlo.find("250-ENHANCEDSTATUSCODES\r\n"), std::string::npos);
  EXPECT_NE(lhlo.find("250 SIZE 26214400\r\n"), std::string::npos);
  EXPECT_EQ(s.feed("MAIL FROM:<budi@example.com> BODY=8BITMIME\r\n"), "250 2.1.0 Sender OK\r\n");
  EXPECT_EQ(s.feed("RCPT TO:<aduan@palembang.go.id>\r\n"), "250 2.1.5 Recipient OK\r\n");
  EXPECT_EQ(s.feed("RCPT TO:<Walikota@LAPOR.palembang.go.id>\r\n"), "250 2.1.5 Recipient OK\r\n");
  EXPECT_EQ(s.feed("RCPT TO:<someone@elsewhere.example>\r\n"), "550 5.1.1 No such mailbox here\r\n");
  EXPECT_TRUE(s.feed("DATA\r\n").starts_with("354 "));
  EXPECT_EQ(s.feed("Subject: x\r\n\r\n..a line that began with a dot\r\n.\r\n"),
            "250 2.0.0 Delivered\r\n250 2.0.0 Delivered\r\n");
  ASSERT_EQ(delivered_.size(), 1U) << "one message for all recipients";
  EXPECT_EQ(delivered_[0], "Subject: x\r\n\r\n.a line that began with a dot\r\n");
  EXPECT_EQ(senders_[0], "budi@example.com");
  EXPECT_EQ(s.feed("QUIT\r\n"), "221 2.0.0 mx.test Bye\r\n");
  EXPECT_TRUE(s.closed());
}

TEST_F(LmtpSessionTest, PipelinedCommandsInOddPiecesAreAnsweredInOrder) {
  auto s = session();
  std::string all = "LHLO a\r\nMAIL FROM:<>\r\nRCPT TO:<aduan@palembang.go.id>\r\nDATA\r\nHi\r\n.\r\nNOOP\r\nQUIT\r\n";
  std::string out;
  for (char c : all) out += s.feed(std::string_view(&c, 1));  // a byte at a time
  EXPECT_NE(out.find("250 2.1.0 Sender OK\r\n250 2.1.5 Recipient OK\r\n354 "), std::string::npos) << out;
  EXPECT_TRUE(out.ends_with("250 2.0.0 Delivered\r\n250 2.0.0 OK\r\n221 2.0.0 mx.test Bye\r\n")) << out;
  ASSERT_EQ(delivered_.size(), 1U);
  EXPECT_EQ(delivered_[0], "Hi\r\n");
  EXPECT_EQ(senders_[0], "") << "the null sender of a bounce";
}

TEST_F(LmtpSessionTest, BareLineFeedsAreLinesToo) {
  auto s = session();
  auto out = s.feed("LHLO a\nMAIL FROM:<a@b.c>\nRCPT TO:<aduan@palembang.go.id>\nDATA\nx\n.\n");
  EXPECT_TRUE(out.ends_with("250 2.0.0 Delivered\r\n")) << out;
  EXPECT_EQ(delivered_.at(0), "x\r\n");
}

TEST_F(LmtpSessionTest, CommandsOutOfOrderAreRefused) {
  LmtpLimits limits;
  limits.max_errors = 100;  // more mistakes than the default tolerates, to see every reply
  auto s = session(limits);
  struct Row {
    std::string_view command;
    std::string_view reply_start;
  };
  const Row rows[] = {
      {"MAIL FROM:<a@b.c>", "503 5.5.1"},  // before LHLO
      {"HELO a", "500 5.5.1"},             // this is LMTP
      {"EHLO a", "500 5.5.1"},
      {"LHLO", "501 5.5.4"},
      {"LHLO a", "250-"},
      {"RCPT TO:<aduan@palembang.go.id>", "503 5.5.1"},  // before MAIL
      {"DATA", "503 5.5.1"},
      {"MAIL FROM:a@b.c", "501 5.5.4"},  // no brackets
      {"MAIL TO:<a@b.c>", "501 5.5.4"},
      {"MAIL FROM:<a@b.c> SIZE=999999999", "552 5.3.4"},
      {"MAIL FROM:<a@b.c> SIZE=1000", "250 2.1.0"},
      {"MAIL FROM:<a@b.c>", "503 5.5.1"},  // twice
      {"RCPT TO:<>", "501 5.5.4"},
      {"DATA", "503 5.5.1"},  // no valid recipient
      {"RSET", "250 2.0.0"},
      {"RCPT TO:<aduan@palembang.go.id>", "503 5.5.1"},  // RSET forgot the sender
      {"NOOP", "250 2.0.0"},
      {"VRFY aduan", "252 2.5.2"},
      {"STARTTLS", "502 5.5.1"},
      {"BDAT 10 LAST", "502 5.5.1"},
  };
  for (const auto& row : rows) {
    auto reply = s.feed(std::string(row.command) + "\r\n");
    EXPECT_TRUE(reply.starts_with(row.reply_start)) << row.command << " -> " << reply;
  }
  EXPECT_FALSE(s.closed());
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(LmtpSessionTest, TooManyErrorsCloseTheConnection) {
  auto s = session();
  std::string out;
  for (int i = 0; i < 10; ++i) out += s.feed("GARBAGE\r\n");
  EXPECT_TRUE(s.closed());
  EXPECT_TRUE(out.ends_with("421 4.7.0 mx.test Too many errors, closing connection\r\n")) << out;
  EXPECT_EQ(s.feed("NOOP\r\n"), "") << "nothing is answered after closing";
}

TEST_F(LmtpSessionTest, AMessageOverTheLimitIsRefusedForEveryRecipientAndNotDelivered) {
  LmtpLimits limits;
  limits.max_message_bytes = 1000;
  auto s = session(limits);
  s.feed("LHLO a\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<aduan@palembang.go.id>\r\nRCPT TO:<x@lapor.palembang.go.id>\r\n");
  EXPECT_TRUE(s.feed("DATA\r\n").starts_with("354"));
  std::string out;
  for (int i = 0; i < 100; ++i) out += s.feed(std::string(99, 'a') + "\r\n");
  EXPECT_EQ(out, "") << "nothing is answered before the dot";
  out = s.feed(".\r\n");
  EXPECT_EQ(out, "552 5.3.4 Message too big (at most 1000 bytes)\r\n552 5.3.4 Message too big (at most 1000 bytes)\r\n");
  EXPECT_TRUE(delivered_.empty());
  EXPECT_TRUE(s.feed("MAIL FROM:<a@b.c>\r\n").starts_with("250")) << "the session goes on";
}

TEST_F(LmtpSessionTest, AHugeLineWithoutEndInDataIsTakenInPartsAndDotsInsideItAreData) {
  LmtpLimits limits;
  limits.max_message_bytes = 300 * 1024;
  auto s = session(limits);
  s.feed("LHLO a\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<aduan@palembang.go.id>\r\nDATA\r\n");
  std::string line = "." + std::string(200 * 1024, 'x');
  for (std::size_t at = 0; at < line.size(); at += 70000) EXPECT_EQ(s.feed(line.substr(at, 70000)), "");
  EXPECT_EQ(s.feed("\r\n.\r\n"), "250 2.0.0 Delivered\r\n");
  ASSERT_EQ(delivered_.size(), 1U);
  EXPECT_EQ(delivered_[0], std::string(200 * 1024, 'x') + "\r\n") << "the leading dot unstuffed, once";
}

TEST_F(LmtpSessionTest, ALongCommandLineIsRefusedAndSkipped) {
  auto s = session();
  auto out = s.feed("LHLO a\r\n" + std::string(5000, 'A'));
  EXPECT_TRUE(out.ends_with("500 5.5.2 Line too long\r\n")) << out;
  EXPECT_EQ(s.feed(std::string(5000, 'A')), "") << "the same line, still going";
  EXPECT_EQ(s.feed("AAAA\r\nNOOP\r\n"), "250 2.0.0 OK\r\n") << "its end is dropped, the next command answered";
}

TEST_F(LmtpSessionTest, TheDeliveryDecidesTheReplyAndTheTextStaysAscii) {
  reply_ = {554, "5.6.0", "Aduan \xE2\x80\x94 ditolak\r\nX: injected"};
  auto s = session();
  auto out = s.feed("LHLO a\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<aduan@palembang.go.id>\r\nDATA\r\nx\r\n.\r\n");
  EXPECT_TRUE(out.ends_with("554 5.6.0 Aduan ??? ditolak  X: injected\r\n")) << out;
}

TEST_F(LmtpSessionTest, ATimeoutSays421AndCloses) {
  auto s = session();
  EXPECT_EQ(s.timed_out(), "421 4.4.2 mx.test Timeout, closing connection\r\n");
  EXPECT_TRUE(s.closed());
}

TEST(RecipientPolicy, AddressesAndDomains) {
  auto policy = RecipientPolicy::parse("Aduan@Palembang.go.id @lapor.palembang.go.id", "lmtp_recipients");
  ASSERT_TRUE(policy.ok());
  EXPECT_TRUE(policy->accepts("aduan@palembang.go.id"));
  EXPECT_TRUE(policy->accepts("ADUAN@palembang.GO.id"));
  EXPECT_TRUE(policy->accepts("siapa.saja@lapor.palembang.go.id"));
  EXPECT_FALSE(policy->accepts("walikota@palembang.go.id"));
  EXPECT_FALSE(policy->accepts("x@sub.lapor.palembang.go.id"));
  EXPECT_FALSE(policy->accepts("lapor.palembang.go.id"));
  EXPECT_FALSE(RecipientPolicy::parse("", "lmtp_recipients").ok());
  EXPECT_FALSE(RecipientPolicy::parse("aduan", "lmtp_recipients").ok());
  EXPECT_FALSE(RecipientPolicy::parse("a@b@c", "lmtp_recipients").ok());
}

}  // namespace
}  // namespace sigap::channels::email
