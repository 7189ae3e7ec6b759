#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/complaints/submit_complaint.hpp"
#include "app/ports/channel_adapter.hpp"
#include "app/ports/photo_store.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/conversations/dialog.hpp"

namespace sigap::app::conversations {

/// One message from a citizen, as a channel door read it from the provider's payload.
struct IncomingMessage {
  std::string message_id;  // the provider's id; a repeat of a recent one is ignored ("" : none)
  std::string from;        // the citizen's address on the channel (phone number, chat id)
  domain::conversations::InboundKind kind = domain::conversations::InboundKind::text;
  std::string text;        // text, or the title of the button or list row pressed
  double latitude = 0;
  double longitude = 0;
  std::string media;       // photos: the provider's reference, fetched through the adapter
};

struct ConversationSettings {
  /// Where citizens reach Sigap: the tracking link is public_url + "/lacak/" + code.
  std::string public_url = "http://127.0.0.1:8080";
};

/// What a message did, for the door's log and tests (never the citizen's data).
struct Handled {
  bool duplicate = false;            // a message already handled: nothing done
  domain::conversations::Step step;  // where the conversation stands now
  std::string filed_code;            // a report was filed: its public code
  std::size_t replies = 0;
  std::size_t replies_failed = 0;
};

/// The conversation engine's use case: loads the stored conversation of (channel, from), lets
/// the dialog (domain/conversations) move it on by one message, stores it, carries out what the
/// dialog asked for (filing the report through the same intake as the web form, with the
/// citizen's phone number as contact when it is one; looking a code up through
/// track_complaint) and sends the replies through the channel's adapter. A photo is fetched
/// through the adapter and checked and stored like an intake photo before the dialog sees it.
///
/// Every step is stored before any reply goes out, so a restart continues where it stood; the
/// report is filed with an Idempotency-Key of the conversation, so a retried "YA" files it once.
/// Messages of one citizen are handled one at a time (in this process; across processes the
/// stored version refuses the later writer, which then reads again). Thread-safe.
class Conversations {
 public:
  Conversations(ports::Storage& storage, const Clock& clock, complaints::ComplaintIntake& intake,
                ports::PhotoStore* photos, ConversationSettings settings);

  /// Handles one message. Errors are storage trouble only (the door answers 5xx so that the
  /// provider delivers it again); what the citizen got wrong is answered to them.
  Result<Handled> receive(ports::ChannelAdapter& channel, const IncomingMessage& message);

 private:
  Result<domain::conversations::Catalog> catalog();
  Result<Handled> receive_once(ports::ChannelAdapter& channel, const IncomingMessage& message);
  domain::conversations::Inbound inbound_of(ports::ChannelAdapter& channel, const IncomingMessage& message);
  Result<domain::conversations::Turn> file_report(ports::ChannelAdapter& channel, const IncomingMessage& message,
                                                  const domain::conversations::Turn& turn, std::string& code);
  Result<domain::conversations::Reply> track(Language language, const std::string& code);

  ports::Storage& storage_;
  const Clock& clock_;
  complaints::ComplaintIntake& intake_;
  ports::PhotoStore* photos_;
  ConversationSettings settings_;
  std::array<std::mutex, 64> stripes_;  // per (channel, address), by hash
  std::mutex catalog_mutex_;
  std::shared_ptr<const domain::conversations::Catalog> catalog_;  // GUARDED_BY(catalog_mutex_)
  TimePoint catalog_read_at_{};                                    // GUARDED_BY(catalog_mutex_)
};

}  // namespace sigap::app::conversations
