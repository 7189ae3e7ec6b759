#pragma once

#include <string>
#include <string_view>

namespace sigap {

/// The languages Sigap speaks: Bahasa Indonesia first, English second.
enum class Language { id, en };

/// Picks the language from an Accept-Language header value: English only when the client
/// prefers it over Indonesian; anything else (absent, unknown) is Indonesian.
Language language_from_accept(std::string_view accept_language);

/// A message a person reads, in both languages. Every error Sigap returns carries one.
struct Text {
  std::string id;
  std::string en;

  [[nodiscard]] const std::string& in(Language language) const {
    return language == Language::en ? en : id;
  }
};

}  // namespace sigap
