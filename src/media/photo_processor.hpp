#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "media/exif_gps.hpp"

namespace sigap::media {

/// At most this many bytes per photo (10 MiB). Callers reading an upload should stop reading
/// past it rather than buffer the rest.
inline constexpr std::size_t kMaxPhotoBytes = std::size_t{10} * 1024 * 1024;
/// At most this many pixels (width × height as the file declares them, before any rotation).
inline constexpr std::int64_t kMaxPhotoPixels = 40'000'000;
/// The stored photo fits in a square of this side, the thumbnail in one of kThumbnailSide.
inline constexpr int kMaxPhotoSide = 2560;
inline constexpr int kThumbnailSide = 320;
/// JPEG quality of the stored photo and of its thumbnail.
inline constexpr int kPhotoQuality = 82;
inline constexpr int kThumbnailQuality = 75;

/// A photo ready to store: re-encoded from the decoded pixels, so nothing of the upload's bytes
/// survives but the picture.
struct ProcessedPhoto {
  std::string jpeg;       // baseline JPEG (sRGB, or grey for a grey upload), upright, no metadata at all
  std::string thumbnail;  // the same, at most kThumbnailSide on its long side
  int width = 0;          // of `jpeg`, after rotation and downscaling
  int height = 0;
  std::optional<PhotoLocation> gps;  // from the upload's EXIF GPS tags, read before they are dropped
  std::string original_type;         // "image/jpeg", "image/png" or "image/webp", sniffed from the bytes
};

/// Turns an uploaded photo into what Sigap stores. In order, and stopping at the first failure:
///  - more than kMaxPhotoBytes: payload_too_large (nothing is decoded);
///  - a type other than JPEG, PNG or WebP by its first bytes (see sniff_image_type):
///    unsupported_media_type;
///  - empty, a header that does not parse, or more than kMaxPhotoPixels: validation (the
///    dimensions come from the header, so a decompression bomb is refused before any pixel is
///    decoded);
///  - then the EXIF GPS position is read, the picture decoded, turned upright by its EXIF
///    orientation, converted to sRGB (an embedded colour profile is applied, transparency laid on
///    white), scaled down to fit kMaxPhotoSide and encoded as JPEG without any metadata; a
///    truncated or corrupt image fails here, as validation.
/// Every error names the field "photos" with a message in both languages; libvips' own words go
/// to the log detail only.
/// Thread-safe: any number of calls may run at once (see ensure_vips); libvips may use threads
/// of its own within a call. A 40-megapixel photo takes about 0.3 s as JPEG (libvips shrinks
/// while decoding) and 0.6 s as PNG on the 2-core development machine.
Result<ProcessedPhoto> process_photo(std::string_view bytes);

}  // namespace sigap::media
