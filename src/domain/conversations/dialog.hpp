#pragma once

#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/text.hpp"
#include "domain/conversations/conversation.hpp"

namespace sigap::domain::conversations {

// The one conversation engine of the messaging channels: a pure state machine. A channel
// adapter turns what the provider delivered into an Inbound, the application hands it here with
// the stored Conversation, stores the Conversation of the Turn, carries out its Action and
// sends its replies. Nothing here knows the channel: replies are text plus optional choices,
// which a channel shows as a keyboard (Telegram), a list (WhatsApp) or numbered lines (SMS).

/// What a message from the citizen carried.
enum class InboundKind { text, location, photo, unsupported };

struct Inbound {
  InboundKind kind = InboundKind::text;
  std::string text;  // text, a button's or list row's title
  double latitude = 0;
  double longitude = 0;
  /// A photo the application checked and stored (its opaque id), or empty when it refused it
  /// (then `photo_problem` says why, in both languages).
  std::string photo;
  Text photo_problem;
};

/// A category as offered in the numbered list.
struct CategoryOption {
  std::string code;
  std::string name_id;
  std::string name_en;
};

/// The master data a conversation needs: categories in list order, and the kelurahan.
struct Catalog {
  std::vector<CategoryOption> categories;
  std::vector<Place> places;
};

/// One message to the citizen; `choices` are the answers to offer as buttons (their text is
/// what comes back when one is pressed), already listed in `text` for channels without buttons.
struct Reply {
  std::string text;
  std::vector<std::string> choices;
  bool operator==(const Reply&) const = default;
};

enum class Action {
  none,
  submit,  // file the report in `conversation.fields`, then call submitted() or submit_failed()
  track,   // look up `code` (track_complaint), then answer with a track_* reply
};

struct Turn {
  Conversation conversation;  // store this (it is the conversation before the action)
  std::vector<Reply> replies;
  Action action = Action::none;
  std::string code;  // Action::track: the code as typed
};

/// Moves `conversation` on by one message at `now`. A conversation idle for kIdleLimit starts
/// over first (the reply says so). At any step: "CEK <kode>"/"CHECK <code>" asks for a status
/// (the conversation stays where it is), "BATAL"/"CANCEL" drops the report, "ENGLISH" /
/// "INDONESIA" switch the language, and "LAPOR <text>"/"REPORT <text>" starts a quick report
/// (kelurahan asked only when the text names none; filed without confirmation).
Turn advance(Conversation conversation, const Inbound& message, const Catalog& catalog, TimePoint now);

/// After the report was filed: thanks, the public code and the tracking link; the conversation
/// is over (back to Step::start, nothing collected).
Turn submitted(const Conversation& conversation, const std::string& code, const std::string& tracking_url,
               TimePoint now);

/// After intake refused the report (`why`, in both languages): the citizen is told, and the
/// conversation goes back to the step that can fix it (the description, else the start).
Turn submit_failed(const Conversation& conversation, const Text& why, bool description_at_fault, TimePoint now);

/// What a status looks like to the citizen.
struct TrackFacts {
  std::string code;
  Text status;       // "Sedang ditangani" / "In progress"
  std::string unit;  // the unit handling it
  std::string updated;  // when it last changed, on the unit's clock
};
Reply track_answer(Language language, const TrackFacts& facts);
/// The code has a typo (its check character does not fit) / names no case.
Reply track_typo(Language language, const std::string& typed);
Reply track_not_found(Language language, const std::string& typed);

/// Reply for a message the channel cannot read at all (a sticker, a contact card): polite, and
/// the question of the current step again.
Reply not_understood(const Conversation& conversation, const Catalog& catalog);

}  // namespace sigap::domain::conversations
