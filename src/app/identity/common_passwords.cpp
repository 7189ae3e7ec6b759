#include "app/identity/common_passwords.hpp"

#include <string_view>

#include "app/identity/common_passwords_file.hpp"

namespace sigap::app::identity {

namespace {

std::unordered_set<std::string> parse(std::string_view text) {
  std::unordered_set<std::string> entries;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);

    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;

    std::string entry(line);
    for (char& c : entry) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    entries.insert(std::move(entry));
  }
  return entries;
}

}  // namespace

const std::unordered_set<std::string>& common_passwords() {
  static const std::unordered_set<std::string> kPasswords = parse(common_passwords_txt());
  return kPasswords;
}

}  // namespace sigap::app::identity
