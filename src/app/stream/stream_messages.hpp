#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "app/ports/alert_repository.hpp"
#include "app/ports/outbox_repository.hpp"
#include "common/clock.hpp"

namespace sigap::app::stream {

/// One JSON text frame, serialised once and shared by every subscriber that receives it.
using StreamMessage = std::shared_ptr<const std::string>;

// The messages of the stream protocol (docs/command-center.md, "Live stream"; api/openapi.yaml).
// Nothing personal ever: of a case its public code, status, unit, category, kelurahan and kind.

/// {"type":"hello","scope":"<code or empty>","last_id":N}
StreamMessage hello_message(std::string_view scope, std::int64_t last_id);
/// {"type":"event","id":<dispatch_seq>,"topic":...,"at":...,"case":{...},"event":{...}}
StreamMessage event_message(const ports::OutboxEntry& entry);
/// {"type":"alert","alert":{id, kind, severity, unit, subject, message_id, message_en, opened_at,
/// closed_at, acknowledged_at}}
StreamMessage alert_message(const ports::Alert& alert);
/// {"type":"heartbeat","at":...,"last_id":N}
StreamMessage heartbeat_message(TimePoint at, std::int64_t last_id);
/// {"type":"resync","reason":"..."}
StreamMessage resync_message(std::string_view reason);

/// Several messages in one frame: the JSON array of them, in order, written into `frame`
/// (replacing what it held; its capacity is reused). A frame of the stream holds one message
/// (an object) or several (an array): the session sends what queued up together.
void batch_frame(std::span<const StreamMessage> messages, std::string& frame);

/// Who acted, as a role and never a name: "reporter", "staff", "integration" or "system".
std::string_view actor_role(const domain::complaints::ComplaintEvent& event);

}  // namespace sigap::app::stream
