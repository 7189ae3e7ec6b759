#include "media/image_type.hpp"

namespace sigap::media {

namespace {

constexpr std::string_view kJpegSignature("\xFF\xD8\xFF", 3);
constexpr std::string_view kPngSignature("\x89PNG\r\n\x1A\n", 8);
constexpr std::string_view kRiff = "RIFF";
constexpr std::string_view kWebp = "WEBP";

}  // namespace

std::optional<ImageType> sniff_image_type(std::string_view bytes) {
  if (bytes.starts_with(kJpegSignature)) return ImageType::jpeg;
  if (bytes.starts_with(kPngSignature)) return ImageType::png;
  // RIFF, a 4-byte little-endian chunk size, then the form type.
  if (bytes.size() >= 12 && bytes.starts_with(kRiff) && bytes.substr(8, 4) == kWebp) return ImageType::webp;
  return std::nullopt;
}

std::string_view mime_type(ImageType type) {
  switch (type) {
    case ImageType::jpeg:
      return "image/jpeg";
    case ImageType::png:
      return "image/png";
    case ImageType::webp:
      return "image/webp";
  }
  return "application/octet-stream";
}

}  // namespace sigap::media
