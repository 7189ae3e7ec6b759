// Conversations of the messaging channels on every backend: stored per channel and address,
// each step a new version, a stale writer refused, the address and fields sealed (they are
// resealed after a key rotation and still found by their blind index).
#include "storage/contract/storage_backends.hpp"

namespace sigap::testing {
namespace {

using namespace std::chrono_literals;

const TimePoint kAt = TimePoint{} + 24h * 20500;

app::ports::StoredConversation conversation(std::string channel, std::string address) {
  app::ports::StoredConversation c;
  c.channel = std::move(channel);
  c.address = std::move(address);
  c.step = "category";
  c.language = Language::en;
  c.fields = R"({"description":"Jalan berlubang di depan SD 12","photos":[]})";
  c.started_at = kAt;
  c.updated_at = kAt + 1min;
  return c;
}

class ConversationContract : public StorageContract {
 protected:
  Result<std::int64_t> save(const app::ports::StoredConversation& c) {
    std::int64_t version = 0;
    auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
      auto saved = tx.conversations().save(c);
      if (!saved) return saved.error();
      version = *saved;
      return {};
    });
    if (!written) return written.error();
    return version;
  }
};

TEST_P(ConversationContract, AStoredConversationIsFoundByChannelAndAddress) {
  auto none = storage_->conversations().find("whatsapp", "6281234567890");
  ASSERT_TRUE(none.ok()) << none.error().log_detail();
  EXPECT_FALSE(none->has_value());
  auto c = conversation("whatsapp", "6281234567890");
  auto version = save(c);
  ASSERT_TRUE(version.ok()) << version.error().log_detail();
  EXPECT_EQ(*version, 1);
  auto found = storage_->conversations().find("whatsapp", "6281234567890");
  ASSERT_TRUE(found.ok() && found->has_value());
  c.version = 1;
  EXPECT_EQ(**found, c);
  // The same number on another channel is another conversation.
  auto sms = storage_->conversations().find("sms", "6281234567890");
  ASSERT_TRUE(sms.ok());
  EXPECT_FALSE(sms->has_value());
}

TEST_P(ConversationContract, EachStepIsTheNextVersionAndAStaleWriterIsRefused) {
  auto c = conversation("sms", "+6281234567890");
  ASSERT_TRUE(save(c).ok());
  c.version = 1;
  c.step = "description";
  c.updated_at = kAt + 2min;
  auto second = save(c);
  ASSERT_TRUE(second.ok()) << second.error().log_detail();
  EXPECT_EQ(*second, 2);
  auto stale = save(c);  // still says version 1
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code(), ErrorCode::conflict);
  c.version = 0;  // a second insert of the same conversation
  auto twice = save(c);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code(), ErrorCode::conflict);
  auto found = storage_->conversations().find("sms", "+6281234567890");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->step, "description");
  EXPECT_EQ((*found)->version, 2);
  EXPECT_EQ((*found)->updated_at, kAt + 2min);
}

TEST_P(ConversationContract, ASecondHandleSeesTheStepAfterAReopen) {
  ASSERT_TRUE(save(conversation("telegram", "123456789")).ok());
  storage_.reset();
  storage_ = open();
  ASSERT_NE(storage_, nullptr);
  auto found = storage_->conversations().find("telegram", "123456789");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->step, "category");
  EXPECT_EQ((*found)->fields, R"({"description":"Jalan berlubang di depan SD 12","photos":[]})");
}

TEST_P(ConversationContract, AfterKeyRotationTheConversationIsResealedAndStillFound) {
  ASSERT_TRUE(save(conversation("whatsapp", "6281234567890")).ok());
  auto rotated = std::make_shared<const crypto::Keyring>(keyring_->rotated());
  storage_.reset();
  keyring_ = rotated;
  storage_ = open();
  ASSERT_NE(storage_, nullptr);
  auto changed = storage_->reseal_personal_data();
  ASSERT_TRUE(changed.ok()) << changed.error().log_detail();
  EXPECT_EQ(*changed, 1U) << "the conversation's address and fields";
  auto found = storage_->conversations().find("whatsapp", "6281234567890");
  ASSERT_TRUE(found.ok() && found->has_value()) << "the blind index survives rotation";
  EXPECT_EQ((*found)->fields, R"({"description":"Jalan berlubang di depan SD 12","photos":[]})");
}

SIGAP_STORAGE_CONTRACT(ConversationContract);

}  // namespace
}  // namespace sigap::testing
