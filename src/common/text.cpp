#include "common/text.hpp"

#include <cctype>

namespace sigap {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool starts_with_language(std::string_view tag, std::string_view language) {
  if (tag.size() < language.size()) return false;
  for (std::size_t i = 0; i < language.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tag[i])) != language[i]) return false;
  }
  return tag.size() == language.size() || tag[language.size()] == '-';
}

}  // namespace

Language language_from_accept(std::string_view accept_language) {
  // Each entry is "tag[;q=weight]"; the first of id/en with the highest weight wins.
  double best_id = -1, best_en = -1;
  while (!accept_language.empty()) {
    auto comma = accept_language.find(',');
    auto entry = trim(accept_language.substr(0, comma));
    accept_language = comma == std::string_view::npos ? "" : accept_language.substr(comma + 1);
    double weight = 1.0;
    auto semicolon = entry.find(';');
    auto tag = trim(entry.substr(0, semicolon));
    if (semicolon != std::string_view::npos) {
      auto param = trim(entry.substr(semicolon + 1));
      if (param.starts_with("q=")) {
        try {
          weight = std::stod(std::string(param.substr(2)));
        } catch (...) {
          weight = 0;
        }
      }
    }
    if (!(weight > 0)) continue;  // q=0 is "not acceptable"; an unreadable weight counts as 0
    if (starts_with_language(tag, "id") && weight > best_id) best_id = weight;
    if (starts_with_language(tag, "en") && weight > best_en) best_en = weight;
  }
  return best_en > best_id ? Language::en : Language::id;
}

}  // namespace sigap
