// The GPS position in a citizen's photo (media/exif_gps): the EXIF fields as libvips renders
// them from the uploaded bytes, so their text is the photographer's (or an attacker's).
// Input: the four fields separated by NUL bytes (GPSLatitude, GPSLatitudeRef, GPSLongitude,
// GPSLongitudeRef). Invariants: degrees are finite and not negative; a position is within
// -90..90 and -180..180.
#include <array>
#include <cmath>

#include "fuzz/fuzz_check.hpp"
#include "media/exif_gps.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = sigap::fuzz::as_text(data, size);
  std::array<std::string_view, 4> fields{};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    auto nul = text.find('\0');
    fields[i] = text.substr(0, nul);
    text = nul == std::string_view::npos ? std::string_view() : text.substr(nul + 1);
  }
  for (auto field : {fields[0], fields[2]}) {
    if (auto degrees = sigap::media::parse_exif_degrees(field)) {
      FUZZ_CHECK(std::isfinite(*degrees) && *degrees >= 0);
    }
  }
  if (auto location = sigap::media::location_from_exif(fields[0], fields[1], fields[2], fields[3])) {
    FUZZ_CHECK(std::isfinite(location->latitude) && std::abs(location->latitude) <= 90);
    FUZZ_CHECK(std::isfinite(location->longitude) && std::abs(location->longitude) <= 180);
  }
  return 0;
}
