#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "app/conversations/converse.hpp"
#include "common/error.hpp"

namespace sigap::channels::whatsapp {

/// What one webhook notification carried.
struct Notification {
  std::vector<app::conversations::IncomingMessage> messages;  // in the order sent
  std::size_t statuses = 0;  // delivery and read receipts: counted, otherwise ignored
};

/// Reads a Cloud API notification: entry[].changes[].value.messages[] of types text, location,
/// image, interactive (button_reply, list_reply) and button become messages; any other type
/// (audio, sticker, contacts, reaction, "unsupported", ...) becomes an `unsupported` message so
/// the citizen is told it was not understood; statuses[] are counted. Entries, changes and
/// messages that lack what they need (no sender, no id, a location without coordinates) are
/// skipped. Only JSON that is not an object, or is malformed, is `invalid_input`.
Result<Notification> read_notification(std::string_view body);

}  // namespace sigap::channels::whatsapp
