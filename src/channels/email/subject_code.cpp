#include "channels/email/subject_code.hpp"

#include "domain/complaints/public_code.hpp"

namespace sigap::channels::email {

namespace {

bool alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Reads four symbols of the alphabet from subject[pos]; false when they are not there.
bool four_symbols(std::string_view subject, std::size_t& pos, std::string& out) {
  for (int k = 0; k < 4; ++k, ++pos) {
    if (pos >= subject.size()) return false;
    char c = upper(subject[pos]);
    if (domain::complaints::kPublicCodeAlphabet.find(c) == std::string_view::npos) return false;
    out += c;
  }
  return true;
}

}  // namespace

std::optional<std::string> find_public_code(std::string_view subject) {
  for (std::size_t at = 0; at + 3 <= subject.size(); ++at) {
    if (upper(subject[at]) != 'S' || upper(subject[at + 1]) != 'G' || upper(subject[at + 2]) != 'P') continue;
    if (at > 0 && alnum(subject[at - 1])) continue;
    std::size_t pos = at + 3;
    if (pos < subject.size() && (subject[pos] == '-' || subject[pos] == ' ')) ++pos;
    std::string symbols;
    if (!four_symbols(subject, pos, symbols)) continue;
    if (pos < subject.size() && (subject[pos] == '-' || subject[pos] == ' ')) ++pos;
    if (!four_symbols(subject, pos, symbols)) continue;
    if (pos < subject.size() && alnum(subject[pos])) continue;
    auto code = domain::complaints::parse_public_code("SGP-" + symbols.substr(0, 4) + "-" + symbols.substr(4), "code");
    if (code) return *code;
  }
  return std::nullopt;
}

}  // namespace sigap::channels::email
