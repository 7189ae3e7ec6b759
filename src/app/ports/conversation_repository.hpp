#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

namespace sigap::app::ports {

/// A conversation with a citizen on a messaging channel, as stored after every step
/// (app/conversations): a restart in the middle continues at the same step. `address` (a phone
/// number or a chat id) and `fields` (what was collected, JSON written by app/conversations)
/// are personal data: sealed at rest; the address is found again through its blind index.
struct StoredConversation {
  std::string channel;  // "whatsapp", "telegram", "sms"
  std::string address;
  std::string step;     // domain::conversations::to_string(Step)
  Language language = Language::id;
  std::string fields;
  TimePoint started_at{};
  TimePoint updated_at{};
  std::int64_t version = 0;  // 0: never stored
  bool operator==(const StoredConversation&) const = default;
};

/// Reads conversations. Thread-safe.
class ConversationRepository {
 public:
  virtual ~ConversationRepository() = default;
  virtual Result<std::optional<StoredConversation>> find(std::string_view channel, std::string_view address) = 0;
};

/// Writes them inside a Transaction.
class ConversationWriter {
 public:
  virtual ~ConversationWriter() = default;
  /// Stores `conversation` as the next version of the one with its channel and address: inserts
  /// it when `conversation.version` is 0, else updates the stored row only if it is still at
  /// that version. Returns the new version; `conflict` when another write came first.
  virtual Result<std::int64_t> save(const StoredConversation& conversation) = 0;
};

}  // namespace sigap::app::ports
