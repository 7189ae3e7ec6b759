#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/text.hpp"

namespace sigap::domain::conversations {

// The conversation a citizen has with Sigap on a messaging channel (WhatsApp, Telegram, SMS):
// one report collected step by step. Pure values; the dialog (dialog.hpp) moves them on.

/// Where a conversation stands: what the next message is expected to be.
enum class Step {
  start,            // nothing asked yet: the next message is greeted
  category,         // a number from the category list
  description,      // what happened (10 to 5,000 characters)
  location,         // a shared location, or a kelurahan's name
  location_choice,  // a number from the kelurahan names offered
  photos,           // photos, or "selesai"/"done"
  confirm,          // "YA"/"YES" to send, "BATAL"/"CANCEL"
};

std::string_view to_string(Step step);
std::optional<Step> step_from_string(std::string_view text);

/// A kelurahan as the citizen is shown it.
struct Place {
  std::string code;      // "16.71.01.1001"
  std::string name;      // "Sukarami"
  std::string district;  // the kecamatan's name ("" when unknown)
  bool operator==(const Place&) const = default;
};

/// What the conversation has collected so far.
struct Collected {
  std::string category_code;
  std::string description;
  std::optional<double> latitude;
  std::optional<double> longitude;
  Place place;                        // code empty: no kelurahan named
  std::vector<Place> offered_places;  // the names offered at Step::location_choice
  /// Photos already checked and stored by the application; opaque to the dialog.
  std::vector<std::string> photos;
  /// Started by "LAPOR <text>" (SMS style): filed as soon as the location is known, without
  /// asking for a category (intake suggests one), photos or a confirmation.
  bool quick = false;
  bool operator==(const Collected&) const = default;
};

struct Conversation {
  Step step = Step::start;
  Language language = Language::id;
  Collected fields;
  TimePoint started_at{};
  TimePoint updated_at{};
  bool operator==(const Conversation&) const = default;
};

/// A conversation idle this long is over: the next message starts again (with a short note).
inline constexpr std::chrono::hours kIdleLimit{24};
inline constexpr std::size_t kMaxPhotos = 5;

}  // namespace sigap::domain::conversations
