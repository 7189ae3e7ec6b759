#include "media/photo_processor.hpp"

#include <memory>
#include <utility>

#include <vips/vips.h>

#include "media/image_type.hpp"
#include "media/vips_runtime.hpp"

namespace sigap::media {

namespace {

constexpr std::string_view kField = "photos";
// Loader options: refuse a file libjpeg/libpng/libwebp call broken or truncated rather than
// decode what is there and fill the rest with grey.
constexpr auto kFailOn = VIPS_FAIL_ON_ERROR;
constexpr const char* kFailOnOption = "fail_on=error";

struct ImageUnref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using ImagePtr = std::unique_ptr<VipsImage, ImageUnref>;

struct BufferFree {
  void operator()(void* buffer) const { g_free(buffer); }
};

struct ArrayUnref {
  void operator()(VipsArrayDouble* array) const { vips_area_unref(VIPS_AREA(array)); }
};

// libvips' error text (process-global, so it may hold another thread's words too: logs only).
std::string take_vips_error() {
  char* text = vips_error_buffer_copy();
  std::string out = text ? text : "";
  g_free(text);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

Error photo_error(ErrorCode code, Text message, std::string log_detail = {}) {
  Text field_message = message;
  Error error(code, std::move(message), {FieldError{std::string(kField), std::move(field_message)}});
  if (!log_detail.empty()) error.with_log_detail(std::move(log_detail));
  return error;
}

Error too_large() {
  return photo_error(ErrorCode::payload_too_large, Text{"Ukuran foto terlalu besar; maksimal 10 MB per foto.",
                                                        "The photo is too large; each photo may be at most 10 MB."});
}

Error unsupported_type() {
  return photo_error(ErrorCode::unsupported_media_type, Text{"Foto harus berupa gambar JPEG, PNG, atau WebP.",
                                                             "A photo must be a JPEG, PNG or WebP image."});
}

Error empty_photo() { return photo_error(ErrorCode::validation, Text{"Foto kosong.", "The photo is empty."}); }

Error damaged(std::string log_detail) {
  return photo_error(ErrorCode::validation,
                     Text{"Foto rusak atau tidak lengkap; silakan unggah ulang.",
                          "The photo is damaged or incomplete; please upload it again."},
                     std::move(log_detail));
}

Error too_many_pixels(int width, int height) {
  return photo_error(ErrorCode::validation,
                     Text{"Resolusi foto terlalu besar; maksimal 40 megapiksel.",
                          "The photo's resolution is too high; at most 40 megapixels."},
                     "photo declares " + std::to_string(width) + "x" + std::to_string(height) + " pixels");
}

// Opens the image with the loader for its sniffed type; libvips reads only the header here.
ImagePtr load_header(std::string_view bytes, ImageType type) {
  void* data = const_cast<char*>(bytes.data());  // libvips takes void* but only reads
  VipsImage* image = nullptr;
  int status = -1;
  switch (type) {
    case ImageType::jpeg:
      status = vips_jpegload_buffer(data, bytes.size(), &image, "fail_on", kFailOn, nullptr);
      break;
    case ImageType::png:
      status = vips_pngload_buffer(data, bytes.size(), &image, "fail_on", kFailOn, nullptr);
      break;
    case ImageType::webp:
      status = vips_webpload_buffer(data, bytes.size(), &image, "fail_on", kFailOn, nullptr);
      break;
  }
  return ImagePtr(status == 0 ? image : nullptr);
}

// A metadata field that libvips holds as a string, or an empty view.
std::string_view string_field(VipsImage* image, const char* name) {
  const GType type = vips_image_get_typeof(image, name);
  if (type != VIPS_TYPE_REF_STRING && type != G_TYPE_STRING) return {};
  const char* value = nullptr;
  if (vips_image_get_string(image, name, &value) != 0 || value == nullptr) return {};
  return value;
}

std::optional<PhotoLocation> read_gps(VipsImage* image) {
  return location_from_exif(
      string_field(image, "exif-ifd3-GPSLatitude"), string_field(image, "exif-ifd3-GPSLatitudeRef"),
      string_field(image, "exif-ifd3-GPSLongitude"), string_field(image, "exif-ifd3-GPSLongitudeRef"));
}

// Decodes `bytes` (an image of a known type) to fit a `side` × `side` square, never enlarged,
// upright, with an embedded colour profile applied towards sRGB.
ImagePtr shrink(std::string_view bytes, int side) {
  VipsImage* image = nullptr;
  const int status =
      vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &image, side, "height", side, "size",
                            VIPS_SIZE_DOWN, "export_profile", "srgb", "option_string", kFailOnOption, nullptr);
  return ImagePtr(status == 0 ? image : nullptr);
}

// Transparency laid on white, then 8-bit sRGB (or 8-bit grey), as baseline JPEG holds it.
ImagePtr to_jpeg_pixels(ImagePtr image) {
  if (vips_image_hasalpha(image.get())) {
    std::unique_ptr<VipsArrayDouble, ArrayUnref> white(vips_array_double_newv(1, 255.0));
    VipsImage* flat = nullptr;
    if (vips_flatten(image.get(), &flat, "background", white.get(), nullptr) != 0) return nullptr;
    image.reset(flat);
  }
  const VipsInterpretation interpretation = vips_image_guess_interpretation(image.get());
  const int bands = vips_image_get_bands(image.get());
  const bool already = vips_image_get_format(image.get()) == VIPS_FORMAT_UCHAR &&
                       ((interpretation == VIPS_INTERPRETATION_sRGB && bands == 3) ||
                        (interpretation == VIPS_INTERPRETATION_B_W && bands == 1));
  if (!already) {
    VipsImage* srgb = nullptr;
    if (vips_colourspace(image.get(), &srgb, VIPS_INTERPRETATION_sRGB, nullptr) != 0) return nullptr;
    image.reset(srgb);
    if (vips_image_get_format(image.get()) != VIPS_FORMAT_UCHAR) {
      VipsImage* cast = nullptr;
      if (vips_cast_uchar(image.get(), &cast, nullptr) != 0) return nullptr;
      image.reset(cast);
    }
  }
  return image;
}

// Runs the pipeline that ends in `image` and encodes it; nullopt when any step fails, which
// for an upload's pixels means they could not be decoded.
std::optional<std::string> encode_jpeg(VipsImage* image, int quality) {
  void* buffer = nullptr;
  std::size_t size = 0;
  if (vips_jpegsave_buffer(image, &buffer, &size, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, "interlace",
                           FALSE, nullptr) != 0) {
    return std::nullopt;
  }
  std::unique_ptr<void, BufferFree> owned(buffer);
  return std::string(static_cast<const char*>(buffer), size);
}

}  // namespace

Result<ProcessedPhoto> process_photo(std::string_view bytes) {
  if (bytes.size() > kMaxPhotoBytes) return too_large();
  if (bytes.empty()) return empty_photo();
  const auto type = sniff_image_type(bytes);
  if (!type) return unsupported_type();
  if (auto started = ensure_vips(); !started) return started.error();

  ProcessedPhoto photo;
  photo.original_type = std::string(mime_type(*type));
  {
    const ImagePtr header = load_header(bytes, *type);
    if (!header) return damaged(take_vips_error());
    const int width = vips_image_get_width(header.get());
    const int height = vips_image_get_height(header.get());
    if (static_cast<std::int64_t>(width) * height > kMaxPhotoPixels) return too_many_pixels(width, height);
    photo.gps = read_gps(header.get());
  }

  ImagePtr picture = shrink(bytes, kMaxPhotoSide);
  if (picture) picture = to_jpeg_pixels(std::move(picture));
  if (!picture) return damaged(take_vips_error());
  auto jpeg = encode_jpeg(picture.get(), kPhotoQuality);
  if (!jpeg) return damaged(take_vips_error());
  photo.width = vips_image_get_width(picture.get());
  photo.height = vips_image_get_height(picture.get());
  picture.reset();
  photo.jpeg = std::move(*jpeg);

  // The thumbnail comes from our own clean JPEG, so a failure here is ours, not the upload's.
  const ImagePtr small = shrink(photo.jpeg, kThumbnailSide);
  auto thumbnail = small ? encode_jpeg(small.get(), kThumbnailQuality) : std::nullopt;
  if (!thumbnail) return Error::internal("thumbnail of a re-encoded photo failed: " + take_vips_error());
  photo.thumbnail = std::move(*thumbnail);
  return photo;
}

}  // namespace sigap::media
