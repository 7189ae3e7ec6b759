// Which committed events a reporter hears of, and on which channel, as case tables.
#include "domain/notifications/notice.hpp"

#include <gtest/gtest.h>

#include "domain/notifications/notify_channel.hpp"

namespace sigap::domain::notifications {
namespace {

namespace dc = domain::complaints;

struct EventRow {
  const char* type;
  bool is_public;
  std::optional<dc::Status> from;
  std::optional<dc::Status> to;
  std::optional<Notice> expected;
};

class NoticeFor : public ::testing::TestWithParam<EventRow> {};

TEST_P(NoticeFor, TellsTheReporterOfWhatMattersToACitizen) {
  const auto& row = GetParam();
  dc::ComplaintEvent event;
  event.type = row.type;
  event.is_public = row.is_public;
  event.from_status = row.from;
  event.to_status = row.to;
  EXPECT_EQ(notice_for(event), row.expected) << row.type;
}

using S = dc::Status;
INSTANTIATE_TEST_SUITE_P(Table, NoticeFor,
                         ::testing::Values(EventRow{"submitted", true, std::nullopt, S::submitted, Notice::received},
                                           EventRow{"verify", true, S::submitted, S::verified, Notice::verified},
                                           EventRow{"forwarded", true, S::verified, S::verified, Notice::forwarded},
                                           EventRow{"ask_info", true, S::in_progress, S::need_info, Notice::need_info},
                                           EventRow{"resolve", true, S::in_progress, S::resolved, Notice::resolved},
                                           EventRow{"confirmed", true, S::resolved, S::closed, Notice::closed},
                                           EventRow{"close_silently", true, S::resolved, S::closed, Notice::closed},
                                           EventRow{"merge", true, S::verified, S::closed, Notice::closed},
                                           EventRow{"reject", true, S::submitted, S::rejected, Notice::rejected},
                                           EventRow{"assign", true, S::verified, S::assigned, std::nullopt},
                                           EventRow{"start", true, S::assigned, S::in_progress, std::nullopt},
                                           EventRow{"reply", true, std::nullopt, std::nullopt, std::nullopt},
                                           EventRow{"note", false, std::nullopt, std::nullopt, std::nullopt},
                                           EventRow{"sla_escalated", false, std::nullopt, std::nullopt, std::nullopt},
                                           EventRow{"reassigned", true, S::verified, S::verified, std::nullopt},
                                           EventRow{"verify", false, S::submitted, S::verified, std::nullopt}));

struct ReachRow {
  const char* name;
  ReporterReach reach;
  std::optional<NotifyChannel> expected;
};

class NotifyChannelChoice : public ::testing::TestWithParam<ReachRow> {};

TEST_P(NotifyChannelChoice, FollowsTheReportersChoiceAndContact) {
  EXPECT_EQ(notify_channel(GetParam().reach), GetParam().expected) << GetParam().name;
}

using C = dc::Channel;
INSTANTIATE_TEST_SUITE_P(
    Table, NotifyChannelChoice,
    ::testing::Values(
        ReachRow{"web with e-mail", {C::web, false, true, false, ""}, NotifyChannel::email},
        ReachRow{"web with phone only", {C::web, false, false, true, ""}, std::nullopt},
        ReachRow{"whatsapp with phone", {C::whatsapp, false, true, true, ""}, NotifyChannel::whatsapp},
        ReachRow{"sms without phone, with e-mail", {C::sms, false, true, false, ""}, NotifyChannel::email},
        ReachRow{"no contact", {C::web, false, false, false, ""}, std::nullopt},
        ReachRow{"said none", {C::web, false, true, true, "none"}, std::nullopt},
        ReachRow{"anonymous with e-mail, not asked", {C::web, true, true, false, ""}, std::nullopt},
        ReachRow{"anonymous who asked by e-mail", {C::web, true, true, false, "email"}, NotifyChannel::email},
        ReachRow{"chose sms", {C::web, false, true, true, "sms"}, NotifyChannel::sms},
        ReachRow{"chose e-mail without one", {C::web, false, false, true, "email"}, std::nullopt},
        ReachRow{"telegram with its chat", {C::telegram, false, false, false, "", true}, NotifyChannel::telegram},
        ReachRow{"telegram without a chat, with e-mail", {C::telegram, false, true, true, ""}, NotifyChannel::email},
        ReachRow{"chose telegram with a phone only", {C::web, false, false, true, "telegram"}, std::nullopt},
        ReachRow{"chose telegram from its chat", {C::telegram, true, false, false, "telegram", true},
                 NotifyChannel::telegram}));

TEST(NotifyChoice, IsOneOfTheChannelsOrNone) {
  for (const char* ok : {"", "none", "email", "sms", "whatsapp", "telegram"}) {
    EXPECT_TRUE(parse_notify_choice(ok, "notify").ok()) << ok;
  }
  auto bad = parse_notify_choice("pigeon", "notify");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields().front().field, "notify");
}

TEST(StatusLabel, SpeaksBothLanguages) {
  EXPECT_EQ(status_label(dc::Status::in_progress).in(Language::id), "Sedang ditangani");
  EXPECT_EQ(status_label(dc::Status::in_progress).in(Language::en), "Being handled");
  for (auto notice : all_notices()) EXPECT_EQ(notice_from_string(to_string(notice), "n").value(), notice);
}

}  // namespace
}  // namespace sigap::domain::notifications
