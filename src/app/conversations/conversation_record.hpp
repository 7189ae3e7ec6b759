#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/ports/conversation_repository.hpp"
#include "domain/conversations/conversation.hpp"

namespace sigap::app::conversations {

/// A conversation as the dialog sees it, plus the ids of the last provider messages handled
/// (a provider that delivers a message twice is answered once).
struct ConversationState {
  domain::conversations::Conversation conversation;
  std::vector<std::string> recent_message_ids;  // newest last, at most kRecentMessages
  std::int64_t version = 0;
};

inline constexpr std::size_t kRecentMessages = 8;

/// The stored row of a state (fields as JSON) and back. A row that cannot be read (an unknown
/// step, broken JSON) is `internal`.
ports::StoredConversation to_record(const ConversationState& state, std::string_view channel,
                                    std::string_view address);
Result<ConversationState> from_record(const ports::StoredConversation& record);

}  // namespace sigap::app::conversations
