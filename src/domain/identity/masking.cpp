#include "domain/identity/masking.hpp"

#include <cstddef>
#include <vector>

namespace sigap::domain::identity {

namespace {

constexpr std::string_view kBlanks = " \t\r\n";

// Phone numbers and NIKs this long keep 4 characters at each end; shorter ones keep the last 2.
constexpr std::size_t kLongPhone = 10;
constexpr std::size_t kLongNik = 12;

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// `text` cut into code points: each piece starts at a byte that is not a UTF-8 continuation byte
// (or at the start of the text) and takes the continuation bytes after it.
std::vector<std::string_view> code_points(std::string_view text) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i == text.size() || !is_continuation(text[i])) {
      pieces.push_back(text.substr(start, i - start));
      start = i;
    }
  }
  return pieces;
}

// Keeps `keep` pieces at each end when there are at least `long_from`, otherwise only the last 2
// (and none when there are 2 or fewer); everything else becomes '*'.
std::string mask_middle(const std::vector<std::string_view>& pieces, std::size_t long_from) {
  const std::size_t count = pieces.size();
  std::size_t head = 0;
  std::size_t tail = 0;
  if (count >= long_from) {
    head = 4;
    tail = 4;
  } else if (count > 2) {
    tail = 2;
  }
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i < head || i >= count - tail) {
      out += pieces[i];
    } else {
      out += '*';
    }
  }
  return out;
}

std::vector<std::string_view> digits_of(std::string_view text) {
  std::vector<std::string_view> digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') digits.push_back(text.substr(i, 1));
  }
  return digits;
}

}  // namespace

std::string mask_phone(std::string_view e164_or_local) {
  const std::string_view text = trim(e164_or_local);
  std::vector<std::string_view> digits = digits_of(text);
  if (digits.empty()) return {};
  const bool international = text.front() == '+';
  const bool indonesian =
      digits.size() >= 2 && digits[0] == "6" && digits[1] == "2" && (international || digits.size() >= kLongPhone);
  if (indonesian) {
    digits.erase(digits.begin(), digits.begin() + 2);
    // "+62 0812..." is a common slip: the national prefix is already there.
    if (digits.empty() || digits.front() != "0") digits.insert(digits.begin(), "0");
  }
  std::string masked = mask_middle(digits, kLongPhone);
  return international && !indonesian ? "+" + masked : masked;
}

std::string mask_email(std::string_view email) {
  const std::string_view text = trim(email);
  if (text.empty()) return {};
  const auto at = text.rfind('@');
  const std::string_view local = text.substr(0, at);
  std::string out;
  if (!local.empty()) out += code_points(local).front();
  out += "****";
  if (at != std::string_view::npos) out += text.substr(at);
  return out;
}

std::string mask_nik(std::string_view nik) {
  std::vector<std::string_view> kept;
  for (std::string_view piece : code_points(nik)) {
    if (piece != " " && piece != "\t" && piece != "." && piece != "-") kept.push_back(piece);
  }
  return mask_middle(kept, kLongNik);
}

std::string mask_name(std::string_view name) {
  std::string out;
  bool word_start = true;
  for (std::string_view piece : code_points(trim(name))) {
    if (piece == " " || piece == "\t") {
      out += piece;
      word_start = true;
    } else {
      out += word_start ? piece : std::string_view("*");
      word_start = false;
    }
  }
  return out;
}

}  // namespace sigap::domain::identity
