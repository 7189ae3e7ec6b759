#pragma once

#include <optional>
#include <string_view>

#include "app/conversations/converse.hpp"
#include "channels/telegram/telegram_settings.hpp"
#include "common/error.hpp"

namespace sigap::channels::telegram {

/// Reads one Bot API Update: a `message` in a private chat becomes a message from the chat's
/// id (text; location: a pin; photo: its largest size's file_id; anything else: unsupported),
/// with the update_id as its id. Other updates (edited messages, channel posts, group chats,
/// messages from bots) are nothing to answer: nullopt. JSON that is not an object is
/// `invalid_input`.
Result<std::optional<app::conversations::IncomingMessage>> read_update(std::string_view body);

}  // namespace sigap::channels::telegram
