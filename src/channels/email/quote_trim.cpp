#include "channels/email/quote_trim.hpp"

#include <vector>

#include "channels/email/mail_text.hpp"

namespace sigap::channels::email {

namespace {

std::string_view trim(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

bool starts_with_word(std::string_view line, std::string_view word) {
  if (line.size() <= word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = line[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return line[word.size()] == ' ' || line[word.size()] == ',';
}

bool ends_with_marker(std::string_view line) {
  return line.ends_with("wrote:") || line.ends_with("menulis:") || line.ends_with("schrieb:") ||
         line.ends_with("a écrit :") || line.ends_with("a écrit:");
}

// An attribution begins at lines[i]: "On ... wrote:" / "Pada ... menulis:" on this line or
// wrapped onto the next one.
bool attribution_at(const std::vector<std::string_view>& lines, std::size_t i) {
  auto line = trim(lines[i]);
  if (!starts_with_word(line, "on") && !starts_with_word(line, "pada")) return false;
  if (ends_with_marker(line)) return true;
  return i + 1 < lines.size() && ends_with_marker(trim(lines[i + 1])) && trim(lines[i + 1]).size() < 120;
}

bool original_message_marker(std::string_view line) {
  auto t = trim(line);
  return t.starts_with("-----Original Message-----") || t.starts_with("-----Pesan Asli-----") ||
         t.starts_with("----- Original Message -----") || t.starts_with("-------- Original Message --------") ||
         t.starts_with("-------- Pesan Asli --------");
}

}  // namespace

std::string trim_quoted_reply(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto line = lines[i];
    auto stripped = line;
    while (!stripped.empty() && stripped.back() == '\r') stripped.remove_suffix(1);
    if (stripped == "-- " || stripped == "--") break;
    if (original_message_marker(line) || attribution_at(lines, i)) break;
    if (trim(line).starts_with('>')) continue;
    out.append(line);
    out += '\n';
  }
  return tidy_lines(out);
}

}  // namespace sigap::channels::email
