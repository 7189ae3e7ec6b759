#include "test_images.hpp"

#include <memory>
#include <stdexcept>

#include <vips/vips.h>

#include "media/vips_runtime.hpp"

namespace sigap::media::testing {

namespace {

struct ImageUnref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using ImagePtr = std::unique_ptr<VipsImage, ImageUnref>;

void check(int status, const char* what) {
  if (status != 0) {
    char* detail = vips_error_buffer_copy();
    const std::string message = std::string(what) + ": " + (detail ? detail : "");
    g_free(detail);
    throw std::runtime_error(message);
  }
}

// Grey noise with `bands` identical bands, 8-bit, tagged as sRGB (or grey for one band).
ImagePtr noise(int width, int height, int bands) {
  if (!ensure_vips()) throw std::runtime_error("libvips did not start");
  VipsImage* out = nullptr;
  check(vips_gaussnoise(&out, width, height, "mean", 128.0, "sigma", 40.0, nullptr), "gaussnoise");
  ImagePtr grey(out);
  check(vips_cast_uchar(grey.get(), &out, nullptr), "cast");
  grey.reset(out);
  if (bands == 1) return grey;
  VipsImage* copies[4] = {grey.get(), grey.get(), grey.get(), grey.get()};
  check(vips_bandjoin(copies, &out, bands, nullptr), "bandjoin");
  ImagePtr joined(out);
  const auto interpretation = bands >= 3 ? VIPS_INTERPRETATION_sRGB : VIPS_INTERPRETATION_B_W;
  check(vips_copy(joined.get(), &out, "interpretation", interpretation, nullptr), "copy");
  return ImagePtr(out);
}

std::string take(void* buffer, std::size_t size) {
  std::string bytes(static_cast<const char*>(buffer), size);
  g_free(buffer);
  return bytes;
}

// Appends integers in the chosen byte order.
class TiffWriter {
 public:
  explicit TiffWriter(ByteOrder order) : order_(order) {}
  void u16(std::uint32_t value) { put(value, 2); }
  void u32(std::uint32_t value) { put(value, 4); }
  void bytes(std::string_view raw) { out_ += raw; }
  // One 12-byte IFD entry whose value (at most 4 bytes) sits in the entry itself, left-justified.
  void entry_inline(std::uint16_t tag, std::uint16_t type, std::uint32_t count, std::string_view value) {
    u16(tag);
    u16(type);
    u32(count);
    std::string padded(value);
    padded.resize(4, '\0');
    bytes(padded);
  }
  void entry_short(std::uint16_t tag, std::uint16_t value) {
    u16(tag);
    u16(3);
    u32(1);
    u16(value);
    u16(0);
  }
  void entry_offset(std::uint16_t tag, std::uint16_t type, std::uint32_t count, std::uint32_t offset) {
    u16(tag);
    u16(type);
    u32(count);
    u32(offset);
  }
  [[nodiscard]] std::size_t size() const { return out_.size(); }
  [[nodiscard]] const std::string& str() const { return out_; }

 private:
  void put(std::uint32_t value, int width) {
    for (int i = 0; i < width; ++i) {
      const int shift = order_ == ByteOrder::little_endian ? 8 * i : 8 * (width - 1 - i);
      out_ += static_cast<char>((value >> shift) & 0xFF);
    }
  }

  ByteOrder order_;
  std::string out_;
};

std::uint32_t crc32(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char c : data) {
    crc ^= static_cast<unsigned char>(c);
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return crc ^ 0xFFFFFFFFu;
}

void put_be32(std::string& out, std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>((value >> (24 - 8 * i)) & 0xFF);
}

}  // namespace

std::string noise_jpeg(int width, int height) {
  const ImagePtr image = noise(width, height, 3);
  void* buffer = nullptr;
  std::size_t size = 0;
  check(vips_jpegsave_buffer(image.get(), &buffer, &size, "Q", 90, "strip", TRUE, nullptr), "jpegsave");
  return take(buffer, size);
}

std::string noise_png(int width, int height, int bands) {
  const ImagePtr image = noise(width, height, bands);
  void* buffer = nullptr;
  std::size_t size = 0;
  check(vips_pngsave_buffer(image.get(), &buffer, &size, "compression", 1, "strip", TRUE, nullptr), "pngsave");
  return take(buffer, size);
}

std::string noise_webp(int width, int height) {
  const ImagePtr image = noise(width, height, 3);
  void* buffer = nullptr;
  std::size_t size = 0;
  check(vips_webpsave_buffer(image.get(), &buffer, &size, "strip", TRUE, nullptr), "webpsave");
  return take(buffer, size);
}

std::string exif_app1(ByteOrder order, char latitude_ref, Dms latitude, char longitude_ref, Dms longitude,
                      std::uint16_t orientation) {
  constexpr std::uint16_t kByte = 1, kAscii = 2, kLong = 4, kRational = 5;
  // Offsets are from the start of the TIFF header.
  constexpr std::uint32_t kIfd0 = 8;
  constexpr std::uint32_t kGpsIfd = kIfd0 + 2 + 2 * 12 + 4;
  constexpr std::uint32_t kLatitudeData = kGpsIfd + 2 + 5 * 12 + 4;
  constexpr std::uint32_t kLongitudeData = kLatitudeData + 24;

  TiffWriter tiff(order);
  tiff.bytes(order == ByteOrder::little_endian ? "II" : "MM");
  tiff.u16(42);
  tiff.u32(kIfd0);
  tiff.u16(2);
  tiff.entry_short(0x0112, orientation);
  tiff.entry_offset(0x8825, kLong, 1, kGpsIfd);
  tiff.u32(0);
  tiff.u16(5);
  tiff.entry_inline(0x0000, kByte, 4, std::string_view("\x02\x02\x00\x00", 4));
  tiff.entry_inline(0x0001, kAscii, 2, std::string(1, latitude_ref));
  tiff.entry_offset(0x0002, kRational, 3, kLatitudeData);
  tiff.entry_inline(0x0003, kAscii, 2, std::string(1, longitude_ref));
  tiff.entry_offset(0x0004, kRational, 3, kLongitudeData);
  tiff.u32(0);
  for (const std::uint32_t value : latitude.values) tiff.u32(value);
  for (const std::uint32_t value : longitude.values) tiff.u32(value);
  if (tiff.size() != kLongitudeData + 24) throw std::logic_error("EXIF layout miscounted");

  const std::string payload = std::string("Exif\0\0", 6) + tiff.str();
  const std::size_t length = payload.size() + 2;  // the length field counts itself
  std::string segment = "\xFF\xE1";
  segment += static_cast<char>(length >> 8);
  segment += static_cast<char>(length & 0xFF);
  return segment + payload;
}

std::string with_segment_after_soi(std::string_view jpeg, std::string_view segment) {
  std::string out(jpeg.substr(0, 2));
  out += segment;
  out += jpeg.substr(2);
  return out;
}

std::string with_jpeg_dimensions(std::string jpeg, std::uint16_t width, std::uint16_t height) {
  // Walk the marker segments to SOF0/SOF2: FF Cx, length, precision, height, width.
  std::size_t at = 2;
  while (at + 9 < jpeg.size() && static_cast<unsigned char>(jpeg[at]) == 0xFF) {
    const auto marker = static_cast<unsigned char>(jpeg[at + 1]);
    const std::size_t length =
        (static_cast<unsigned char>(jpeg[at + 2]) << 8) | static_cast<unsigned char>(jpeg[at + 3]);
    if (marker == 0xC0 || marker == 0xC2) {
      jpeg[at + 5] = static_cast<char>(height >> 8);
      jpeg[at + 6] = static_cast<char>(height & 0xFF);
      jpeg[at + 7] = static_cast<char>(width >> 8);
      jpeg[at + 8] = static_cast<char>(width & 0xFF);
      return jpeg;
    }
    at += 2 + length;
  }
  throw std::logic_error("no start-of-frame marker");
}

std::string with_png_dimensions(std::string png, std::uint32_t width, std::uint32_t height) {
  // Signature (8), then IHDR: length (4), "IHDR" (4), width (4), height (4), 5 more bytes, CRC.
  if (png.size() < 33 || png.compare(12, 4, "IHDR") != 0) throw std::logic_error("no IHDR");
  put_be32(png, 16, width);
  put_be32(png, 20, height);
  put_be32(png, 29, crc32(std::string_view(png).substr(12, 17)));
  return png;
}

}  // namespace sigap::media::testing
