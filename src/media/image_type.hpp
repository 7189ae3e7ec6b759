#pragma once

#include <optional>
#include <string_view>

namespace sigap::media {

/// The image formats Sigap accepts as photos.
enum class ImageType { jpeg, png, webp };

/// The type of an image, judged only from its first bytes (never from a file name or a declared
/// Content-Type): JPEG starts FF D8 FF, PNG with its 8-byte signature, WebP as a RIFF container
/// of form type "WEBP". Anything else (a script, a GIF, HEIC, a short or empty buffer) is
/// nullopt. The signature says nothing about whether the rest of the file is sound.
std::optional<ImageType> sniff_image_type(std::string_view bytes);

/// "image/jpeg", "image/png" or "image/webp".
std::string_view mime_type(ImageType type);

}  // namespace sigap::media
