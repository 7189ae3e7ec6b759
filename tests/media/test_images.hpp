#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sigap::media::testing {

// Test images, made at test time with libvips (the repository holds no binary files). Each
// generator starts libvips first (media::ensure_vips) and fails the test when libvips does.

/// A width × height JPEG of grey noise (so it is large and every part of the file matters),
/// encoded by libvips without any metadata.
std::string noise_jpeg(int width, int height);
/// The same as PNG with `bands` bands: 1 grey, 3 RGB, 4 RGBA.
std::string noise_png(int width, int height, int bands = 3);
/// The same as lossy WebP.
std::string noise_webp(int width, int height);

enum class ByteOrder { little_endian, big_endian };

/// An EXIF degrees/minutes/seconds value as three rationals: {2, 1, 58, 1, 3396, 100} is 2° 58' 33.96".
struct Dms {
  std::uint32_t values[6];
};

/// A complete APP1 segment (marker, length, "Exif\0\0", TIFF header, IFD0 with Orientation and a
/// GPSInfo pointer, GPS IFD with version, LatitudeRef, Latitude, LongitudeRef, Longitude), written
/// by hand in the layout phones use, independently of libvips and libexif.
std::string exif_app1(ByteOrder order, char latitude_ref, Dms latitude, char longitude_ref, Dms longitude,
                      std::uint16_t orientation = 1);

/// `jpeg` with `segment` inserted right after its SOI marker, where cameras put EXIF.
std::string with_segment_after_soi(std::string_view jpeg, std::string_view segment);

/// `jpeg` with the width and height of its start-of-frame header changed, nothing else.
std::string with_jpeg_dimensions(std::string jpeg, std::uint16_t width, std::uint16_t height);

/// `png` with the width and height of its IHDR chunk changed and the chunk's CRC recomputed.
std::string with_png_dimensions(std::string png, std::uint32_t width, std::uint32_t height);

}  // namespace sigap::media::testing
