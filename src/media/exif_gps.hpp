#pragma once

#include <optional>
#include <string_view>

namespace sigap::media {

/// Where a photo was taken, in WGS 84 degrees (south and west negative). Not checked against
/// Indonesia's extent here: the intake does that as for any map pin.
struct PhotoLocation {
  double latitude = 0;
  double longitude = 0;
};

/// Degrees from an EXIF GPSLatitude/GPSLongitude value as libvips renders it: one to three
/// unsigned rationals (degrees, minutes, seconds) and then libvips' description in parentheses,
/// e.g. "2/1 58/1 3396/100 ( 2, 58, 33.96, Rational, 3 components, 24 bytes)". nullopt when the
/// text has no rational, a zero denominator (0/0 counts as zero), minutes or seconds of 60 or
/// more, or anything else it does not expect.
std::optional<double> parse_exif_degrees(std::string_view value);

/// The position from the four EXIF GPS fields as libvips renders them (GPSLatitude,
/// GPSLatitudeRef, GPSLongitude, GPSLongitudeRef). A reference is "N"/"S" or "E"/"W" (then
/// libvips' description); without a valid reference the hemisphere is unknown and so is the
/// position. nullopt also for values out of range and for exactly 0/0, which cameras write
/// when they have no fix.
std::optional<PhotoLocation> location_from_exif(std::string_view latitude, std::string_view latitude_ref,
                                                std::string_view longitude, std::string_view longitude_ref);

}  // namespace sigap::media
