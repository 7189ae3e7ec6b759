#include "domain/conversations/sms_segments.hpp"

#include <algorithm>
#include <array>

namespace sigap::domain::conversations {

namespace {

// The GSM 03.38 default alphabet (basic character set) as Unicode code points.
constexpr std::array<char32_t, 128> kBasic{
    U'@',    U'£',    U'$',    U'¥',    U'è',    U'é',    U'ù',    U'ì',    U'ò',    U'Ç',    U'\n', U'Ø', U'ø',
    U'\r',   U'Å',    U'å',    U'Δ',    U'_',    U'Φ',    U'Γ',    U'Λ',    U'Ω',    U'Π',    U'Ψ',  U'Σ', U'Θ',
    U'Ξ',    U'\x1B', U'Æ',    U'æ',    U'ß',    U'É',    U' ',    U'!',    U'"',    U'#',    U'¤',  U'%', U'&',
    U'\'',   U'(',    U')',    U'*',    U'+',    U',',    U'-',    U'.',    U'/',    U'0',    U'1',  U'2', U'3',
    U'4',    U'5',    U'6',    U'7',    U'8',    U'9',    U':',    U';',    U'<',    U'=',    U'>',  U'?', U'¡',
    U'A',    U'B',    U'C',    U'D',    U'E',    U'F',    U'G',    U'H',    U'I',    U'J',    U'K',  U'L', U'M',
    U'N',    U'O',    U'P',    U'Q',    U'R',    U'S',    U'T',    U'U',    U'V',    U'W',    U'X',  U'Y', U'Z',
    U'Ä',    U'Ö',    U'Ñ',    U'Ü',    U'§',    U'¿',    U'a',    U'b',    U'c',    U'd',    U'e',  U'f', U'g',
    U'h',    U'i',    U'j',    U'k',    U'l',    U'm',    U'n',    U'o',    U'p',    U'q',    U'r',  U's', U't',
    U'u',    U'v',    U'w',    U'x',    U'y',    U'z',    U'ä',    U'ö',    U'ñ',    U'ü',    U'à'};
// The extension table: escape + one septet each.
constexpr std::array<char32_t, 10> kExtension{U'\f', U'^', U'{', U'}', U'\\', U'[', U'~', U']', U'|', U'€'};

struct CodePoint {
  char32_t value;
  std::size_t offset;  // in the UTF-8 text
  std::size_t bytes;
};

std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> points;
  std::size_t i = 0;
  while (i < text.size()) {
    auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    char32_t value = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
    bool valid = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      value = (value << 6) | (next & 0x3F);
    }
    if (valid && ((length == 2 && value < 0x80) || (length == 3 && value < 0x800) || (length == 4 && value < 0x10000) ||
                  value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))) {
      valid = false;  // overlong forms, surrogates, beyond Unicode
    }
    if (!valid) {
      points.push_back({U'\uFFFD', i, 1});
      ++i;
      continue;
    }
    points.push_back({value, i, length});
    i += length;
  }
  return points;
}

std::size_t septets(char32_t c) {
  if (c != U'\x1B' && std::find(kBasic.begin(), kBasic.end(), c) != kBasic.end()) return 1;
  if (std::find(kExtension.begin(), kExtension.end(), c) != kExtension.end()) return 2;
  return 0;  // not in GSM-7
}

}  // namespace

SmsSplit split_sms(std::string_view utf8) {
  SmsSplit split;
  auto points = decode(utf8);
  std::vector<std::size_t> cost(points.size());
  bool gsm = true;
  for (std::size_t i = 0; i < points.size(); ++i) {
    cost[i] = septets(points[i].value);
    if (cost[i] == 0) gsm = false;
  }
  if (!gsm) {
    split.encoding = SmsEncoding::ucs2;
    for (std::size_t i = 0; i < points.size(); ++i) cost[i] = points[i].value > 0xFFFF ? 2 : 1;
  }
  for (auto units : cost) split.units += units;
  const std::size_t single = gsm ? kGsm7Single : kUcs2Single;
  const std::size_t part = gsm ? kGsm7Part : kUcs2Part;
  // Text of points [from, to), re-encoded: invalid bytes become U+FFFD in the parts too.
  auto text_of = [&](std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
      if (points[i].value == U'\uFFFD' && points[i].bytes == 1) {
        out += "\xEF\xBF\xBD";
      } else {
        out.append(utf8.substr(points[i].offset, points[i].bytes));
      }
    }
    return out;
  };
  if (split.units <= single) {
    split.parts.push_back(text_of(0, points.size()));
    return split;
  }
  std::size_t from = 0;
  while (from < points.size()) {
    std::size_t used = 0;
    std::size_t to = from;
    while (to < points.size() && used + cost[to] <= part) used += cost[to++];
    if (to < points.size()) {
      // End after the last space in the part's last third, when there is one.
      for (std::size_t k = to; k > from + (to - from) * 2 / 3; --k) {
        if (points[k - 1].value == U' ') {
          to = k;
          break;
        }
      }
    }
    split.parts.push_back(text_of(from, to));
    from = to;
  }
  return split;
}

}  // namespace sigap::domain::conversations
