#include "common/w3_datetime.hpp"

#include <string>

#include "common/time_format.hpp"

namespace sigap {

namespace {

bool digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int two_digits(std::string_view text) { return (text[0] - '0') * 10 + (text[1] - '0'); }

}  // namespace

std::optional<TimePoint> parse_w3_datetime(std::string_view text) {
  // YYYY-MM-DDThh:mm
  if (text.size() < 17 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':') return std::nullopt;
  if (!digits(text.substr(0, 4)) || !digits(text.substr(5, 2)) || !digits(text.substr(8, 2)) ||
      !digits(text.substr(11, 2)) || !digits(text.substr(14, 2))) {
    return std::nullopt;
  }
  std::string utc(text.substr(0, 16));
  auto rest = text.substr(16);
  if (rest.size() >= 3 && rest[0] == ':') {
    if (!digits(rest.substr(1, 2))) return std::nullopt;
    utc.append(rest.substr(0, 3));
    rest.remove_prefix(3);
    if (!rest.empty() && rest[0] == '.') {
      std::size_t fraction = 1;
      while (fraction < rest.size() && rest[fraction] >= '0' && rest[fraction] <= '9') ++fraction;
      if (fraction == 1) return std::nullopt;  // a dot needs at least one digit
      rest.remove_prefix(fraction);
    }
  } else {
    utc.append(":00");
  }
  utc.push_back('Z');
  auto time = parse_utc(utc);
  if (!time || utc.substr(17, 2) == "60") return std::nullopt;  // no leap seconds
  if (rest == "Z") return time;
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' || !digits(rest.substr(1, 2)) ||
      !digits(rest.substr(4, 2))) {
    return std::nullopt;
  }
  int hours = two_digits(rest.substr(1, 2));
  int minutes = two_digits(rest.substr(4, 2));
  if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0)) return std::nullopt;
  auto offset = std::chrono::hours(hours) + std::chrono::minutes(minutes);
  return rest[0] == '+' ? *time - offset : *time + offset;
}

}  // namespace sigap
