#include "media/exif_gps.hpp"

#include <charconv>
#include <cstdint>

namespace sigap::media {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim_front(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  return text;
}

// One "n/d" rational; nullopt unless both are unsigned integers and d is not zero (0/0 is zero).
std::optional<double> parse_rational(std::string_view token) {
  const auto slash = token.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::uint32_t numerator = 0;
  std::uint32_t denominator = 0;
  const auto numerator_text = token.substr(0, slash);
  const auto denominator_text = token.substr(slash + 1);
  const auto n = std::from_chars(numerator_text.data(), numerator_text.data() + numerator_text.size(), numerator);
  const auto d =
      std::from_chars(denominator_text.data(), denominator_text.data() + denominator_text.size(), denominator);
  if (numerator_text.empty() || denominator_text.empty() || n.ec != std::errc() || d.ec != std::errc() ||
      n.ptr != numerator_text.data() + numerator_text.size() ||
      d.ptr != denominator_text.data() + denominator_text.size()) {
    return std::nullopt;
  }
  if (denominator == 0) return numerator == 0 ? std::optional<double>(0.0) : std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

// The hemisphere letter that starts a libvips-rendered reference ("S (S, ASCII, 2 components, 2 bytes)").
std::optional<char> parse_ref(std::string_view value) {
  value = trim_front(value);
  if (value.empty()) return std::nullopt;
  const char c = value.front();
  if (c >= 'a' && c <= 'z') return static_cast<char>(c - 'a' + 'A');
  return c;
}

std::optional<double> signed_degrees(std::string_view value, std::string_view ref, char positive, char negative,
                                     double limit) {
  const auto degrees = parse_exif_degrees(value);
  const auto hemisphere = parse_ref(ref);
  if (!degrees || !hemisphere || (*hemisphere != positive && *hemisphere != negative)) return std::nullopt;
  if (*degrees > limit) return std::nullopt;
  return *hemisphere == negative ? -*degrees : *degrees;
}

}  // namespace

std::optional<double> parse_exif_degrees(std::string_view value) {
  // libvips writes the raw rationals first and its own description after "(".
  if (const auto open = value.find('('); open != std::string_view::npos) value = value.substr(0, open);
  double parts[3] = {0, 0, 0};
  int count = 0;
  for (value = trim_front(value); !value.empty(); value = trim_front(value)) {
    if (count == 3) return std::nullopt;
    std::size_t end = 0;
    while (end < value.size() && !is_space(value[end])) ++end;
    const auto part = parse_rational(value.substr(0, end));
    if (!part) return std::nullopt;
    parts[count++] = *part;
    value.remove_prefix(end);
  }
  if (count == 0 || parts[1] >= 60 || parts[2] >= 60) return std::nullopt;
  return parts[0] + parts[1] / 60 + parts[2] / 3600;
}

std::optional<PhotoLocation> location_from_exif(std::string_view latitude, std::string_view latitude_ref,
                                                std::string_view longitude, std::string_view longitude_ref) {
  const auto lat = signed_degrees(latitude, latitude_ref, 'N', 'S', 90);
  const auto lon = signed_degrees(longitude, longitude_ref, 'E', 'W', 180);
  if (!lat || !lon || (*lat == 0 && *lon == 0)) return std::nullopt;
  return PhotoLocation{*lat, *lon};
}

}  // namespace sigap::media
