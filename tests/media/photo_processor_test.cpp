#include "media/photo_processor.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <vips/vips.h>

#include "media/image_type.hpp"
#include "media/vips_runtime.hpp"
#include "test_images.hpp"

namespace sigap::media {
namespace {

using testing::ByteOrder;
using testing::Dms;

// 2° 58' 33.96" S, 104° 46' 31.44" E: the Ampera bridge, Palembang.
constexpr Dms kLatitude{{2, 1, 58, 1, 3396, 100}};
constexpr Dms kLongitude{{104, 1, 46, 1, 3144, 100}};

struct ImageUnref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using ImagePtr = std::unique_ptr<VipsImage, ImageUnref>;

ImagePtr load_jpeg(const std::string& jpeg) {
  VipsImage* image = nullptr;
  if (vips_jpegload_buffer(const_cast<char*>(jpeg.data()), jpeg.size(), &image, nullptr) != 0) return nullptr;
  return ImagePtr(image);
}

// A JPEG that carries no metadata at all, checked twice: as libvips sees it after loading and
// in the raw bytes (marker names of EXIF, XMP, ICC and Photoshop/IPTC segments).
void expect_clean_jpeg(const std::string& jpeg) {
  EXPECT_EQ(sniff_image_type(jpeg), ImageType::jpeg);
  const ImagePtr image = load_jpeg(jpeg);
  ASSERT_TRUE(image);
  for (const char* field : {VIPS_META_EXIF_NAME, VIPS_META_XMP_NAME, VIPS_META_ICC_NAME, VIPS_META_IPTC_NAME,
                            VIPS_META_PHOTOSHOP_NAME, "orientation"}) {
    EXPECT_EQ(vips_image_get_typeof(image.get(), field), 0u) << field;
  }
  for (const std::string_view needle : {"Exif", "http://ns.adobe.com/xap/", "ICC_PROFILE", "Photoshop"}) {
    EXPECT_EQ(jpeg.find(needle), std::string::npos) << needle;
  }
}

void expect_refused(const Result<ProcessedPhoto>& result, ErrorCode code) {
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code(), code);
  EXPECT_FALSE(result.error().message().id.empty());
  EXPECT_FALSE(result.error().message().en.empty());
  ASSERT_EQ(result.error().fields().size(), 1u);
  EXPECT_EQ(result.error().fields()[0].field, "photos");
  EXPECT_FALSE(result.error().fields()[0].message.id.empty());
  EXPECT_FALSE(result.error().fields()[0].message.en.empty());
}

class PhotoProcessor : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(ensure_vips()); }
};

class ExifByteOrder : public PhotoProcessor, public ::testing::WithParamInterface<ByteOrder> {};

TEST_P(ExifByteOrder, GpsIsReadThenEveryTagIsGone) {
  const std::string upload = testing::with_segment_after_soi(
      testing::noise_jpeg(200, 100), testing::exif_app1(GetParam(), 'S', kLatitude, 'E', kLongitude, 6));
  ASSERT_NE(upload.find("Exif"), std::string::npos);

  auto photo = process_photo(upload);
  ASSERT_TRUE(photo) << photo.error().log_detail();
  ASSERT_TRUE(photo->gps);
  EXPECT_NEAR(photo->gps->latitude, -2.9761, 1e-4);
  EXPECT_NEAR(photo->gps->longitude, 104.7754, 1e-4);
  EXPECT_EQ(photo->original_type, "image/jpeg");
  // Orientation 6 (rotate 90° clockwise): the 200 × 100 picture is stored upright as 100 × 200.
  EXPECT_EQ(photo->width, 100);
  EXPECT_EQ(photo->height, 200);
  const ImagePtr stored = load_jpeg(photo->jpeg);
  ASSERT_TRUE(stored);
  EXPECT_EQ(vips_image_get_width(stored.get()), 100);
  EXPECT_EQ(vips_image_get_height(stored.get()), 200);
  expect_clean_jpeg(photo->jpeg);
  expect_clean_jpeg(photo->thumbnail);
}

INSTANTIATE_TEST_SUITE_P(Layouts, ExifByteOrder, ::testing::Values(ByteOrder::little_endian, ByteOrder::big_endian),
                         [](const auto& info) {
                           return std::string(info.param == ByteOrder::little_endian ? "Intel" : "Motorola");
                         });

TEST_F(PhotoProcessor, GpsThatLibvipsItselfWroteIsReadToo) {
  const std::string plain = testing::noise_jpeg(64, 48);
  VipsImage* loaded = nullptr;
  ASSERT_EQ(vips_jpegload_buffer(const_cast<char*>(plain.data()), plain.size(), &loaded, nullptr), 0);
  ImagePtr image(loaded);
  VipsImage* copy = nullptr;
  ASSERT_EQ(vips_copy(image.get(), &copy, nullptr), 0);
  image.reset(copy);
  vips_image_set_string(image.get(), "exif-ifd3-GPSLatitudeRef", "N");
  vips_image_set_string(image.get(), "exif-ifd3-GPSLatitude", "3/1 35/1 1200/100");
  vips_image_set_string(image.get(), "exif-ifd3-GPSLongitudeRef", "E");
  vips_image_set_string(image.get(), "exif-ifd3-GPSLongitude", "98/1 40/1 0/1");
  void* buffer = nullptr;
  std::size_t size = 0;
  ASSERT_EQ(vips_jpegsave_buffer(image.get(), &buffer, &size, nullptr), 0);
  const std::string upload(static_cast<const char*>(buffer), size);
  g_free(buffer);

  auto photo = process_photo(upload);
  ASSERT_TRUE(photo) << photo.error().log_detail();
  ASSERT_TRUE(photo->gps);
  EXPECT_NEAR(photo->gps->latitude, 3 + 35 / 60.0 + 12 / 3600.0, 1e-6);
  EXPECT_NEAR(photo->gps->longitude, 98 + 40 / 60.0, 1e-6);
  expect_clean_jpeg(photo->jpeg);
}

TEST_F(PhotoProcessor, ColourProfileIsAppliedAndXmpDropped) {
  // A flat sRGB (200, 50, 50) converted to Display P3 and saved with the P3 profile and an XMP
  // packet, as an iPhone would: the stored photo is sRGB again, and carries neither.
  VipsImage* out = nullptr;
  ASSERT_EQ(vips_black(&out, 64, 48, "bands", 3, nullptr), 0);
  ImagePtr image(out);
  double scale[3] = {1, 1, 1};
  double red[3] = {200, 50, 50};
  ASSERT_EQ(vips_linear(image.get(), &out, scale, red, 3, "uchar", TRUE, nullptr), 0);
  image.reset(out);
  ASSERT_EQ(vips_copy(image.get(), &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), 0);
  image.reset(out);
  ASSERT_EQ(vips_icc_transform(image.get(), &out, "p3", "input_profile", "srgb", nullptr), 0);
  image.reset(out);
  ASSERT_EQ(vips_cast_uchar(image.get(), &out, nullptr), 0);
  image.reset(out);
  ASSERT_NE(vips_image_get_typeof(image.get(), VIPS_META_ICC_NAME), 0u);
  const std::string xmp =
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
      "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"2,58.566S\"/>"
      "</rdf:RDF></x:xmpmeta>";
  vips_image_set_blob_copy(image.get(), VIPS_META_XMP_NAME, xmp.data(), xmp.size());
  void* buffer = nullptr;
  std::size_t size = 0;
  ASSERT_EQ(vips_jpegsave_buffer(image.get(), &buffer, &size, "Q", 95, nullptr), 0);
  const std::string upload(static_cast<const char*>(buffer), size);
  g_free(buffer);
  ASSERT_NE(upload.find("ICC_PROFILE"), std::string::npos);
  ASSERT_NE(upload.find("http://ns.adobe.com/xap/"), std::string::npos);

  auto photo = process_photo(upload);
  ASSERT_TRUE(photo) << photo.error().log_detail();
  expect_clean_jpeg(photo->jpeg);
  expect_clean_jpeg(photo->thumbnail);
  const ImagePtr stored = load_jpeg(photo->jpeg);
  ASSERT_TRUE(stored);
  double* pixel = nullptr;
  int bands = 0;
  ASSERT_EQ(vips_getpoint(stored.get(), &pixel, &bands, 32, 24, nullptr), 0);
  ASSERT_EQ(bands, 3);
  EXPECT_NEAR(pixel[0], 200, 4);
  EXPECT_NEAR(pixel[1], 50, 4);
  EXPECT_NEAR(pixel[2], 50, 4);
  g_free(pixel);
}

TEST_F(PhotoProcessor, NoExifMeansNoLocation) {
  auto photo = process_photo(testing::noise_jpeg(120, 80));
  ASSERT_TRUE(photo) << photo.error().log_detail();
  EXPECT_FALSE(photo->gps);
  EXPECT_EQ(photo->width, 120);
  EXPECT_EQ(photo->height, 80);
  expect_clean_jpeg(photo->jpeg);
}

TEST_F(PhotoProcessor, PhpScriptNamedJpgIsRefused) {
  expect_refused(process_photo("<?php system($_GET['c']); ?>"), ErrorCode::unsupported_media_type);
}

TEST_F(PhotoProcessor, OtherFormatsAreRefusedByTheirBytes) {
  expect_refused(process_photo(std::string("GIF89a\x01\x00\x01\x00\x80\x00\x00", 13)),
                 ErrorCode::unsupported_media_type);
  const std::string heic("\x00\x00\x00\x18\x66typheic\x00\x00\x00\x00", 16);
  expect_refused(process_photo(heic), ErrorCode::unsupported_media_type);
  expect_refused(process_photo("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), ErrorCode::unsupported_media_type);
}

TEST_F(PhotoProcessor, EmptyIsRefused) { expect_refused(process_photo(""), ErrorCode::validation); }

TEST_F(PhotoProcessor, TruncatedJpegIsRefusedWithoutFloodingStderr) {
  const std::string whole = testing::noise_jpeg(640, 480);
  const std::string half = whole.substr(0, whole.size() / 2);
  ::testing::internal::CaptureStderr();
  auto photo = process_photo(half);
  const std::string stderr_text = ::testing::internal::GetCapturedStderr();
  expect_refused(photo, ErrorCode::validation);
  EXPECT_FALSE(photo.error().log_detail().empty());
  EXPECT_EQ(stderr_text, "");
}

TEST_F(PhotoProcessor, JpegCutInsideItsHeadersIsRefused) {
  const std::string whole = testing::noise_jpeg(64, 48);
  expect_refused(process_photo(std::string_view(whole).substr(0, 40)), ErrorCode::validation);
}

TEST_F(PhotoProcessor, GarbageBehindAValidSignatureIsRefused) {
  std::string junk("\xFF\xD8\xFF", 3);
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 7919) % 251);
  expect_refused(process_photo(junk), ErrorCode::validation);
  std::string png("\x89PNG\r\n\x1A\n", 8);
  expect_refused(process_photo(png + junk), ErrorCode::validation);
}

TEST_F(PhotoProcessor, OversizedUploadsAreRefusedBeforeDecoding) {
  // A valid signature followed by junk: decoding would say "damaged", so payload_too_large
  // shows the size was checked first.
  for (const std::size_t size : {kMaxPhotoBytes + 1, std::size_t{11'000'000}, std::size_t{50'000'000}}) {
    std::string upload(size, '\x42');
    upload.replace(0, 3, "\xFF\xD8\xFF");
    expect_refused(process_photo(upload), ErrorCode::payload_too_large);
  }
}

TEST_F(PhotoProcessor, DecompressionBombsAreRefusedFromTheHeader) {
  const std::string bombs[] = {
      testing::with_jpeg_dimensions(testing::noise_jpeg(64, 64), 30000, 30000),
      testing::with_png_dimensions(testing::noise_png(64, 64), 30000, 30000),
      testing::with_png_dimensions(testing::noise_png(64, 64), 1'000'000, 1'000'000),
  };
  for (const auto& bomb : bombs) {
    const auto started = std::chrono::steady_clock::now();
    auto photo = process_photo(bomb);
    const auto elapsed = std::chrono::steady_clock::now() - started;
    expect_refused(photo, ErrorCode::validation);
    EXPECT_LT(elapsed, std::chrono::milliseconds(500));
  }
}

TEST_F(PhotoProcessor, AtThePixelLimitIsDecoded) {
  // 8000 × 5000 = kMaxPhotoPixels exactly passes the header check. The scan data is that of a
  // 64 × 64 picture: libjpeg calls the missing rows a warning, not an error (the file is not
  // cut short, it ends with its EOI marker), and fills them; only a file that ends early is refused.
  auto photo = process_photo(testing::with_jpeg_dimensions(testing::noise_jpeg(64, 64), 8000, 5000));
  ASSERT_TRUE(photo) << photo.error().log_detail();
  EXPECT_EQ(photo->width, kMaxPhotoSide);
  EXPECT_EQ(photo->height, 1600);
  auto over = process_photo(testing::with_jpeg_dimensions(testing::noise_jpeg(64, 64), 8000, 5001));
  expect_refused(over, ErrorCode::validation);
  EXPECT_NE(over.error().log_detail().find("8000x5001"), std::string::npos);
}

struct FormatCase {
  std::string_view name;
  std::string (*make)();
  std::string_view original_type;
};

class AcceptedFormat : public PhotoProcessor, public ::testing::WithParamInterface<FormatCase> {};

TEST_P(AcceptedFormat, BecomesACleanJpeg) {
  auto photo = process_photo(GetParam().make());
  ASSERT_TRUE(photo) << photo.error().log_detail();
  EXPECT_EQ(photo->original_type, GetParam().original_type);
  EXPECT_EQ(photo->width, 300);
  EXPECT_EQ(photo->height, 200);
  EXPECT_FALSE(photo->gps);
  expect_clean_jpeg(photo->jpeg);
  expect_clean_jpeg(photo->thumbnail);
  const ImagePtr stored = load_jpeg(photo->jpeg);
  ASSERT_TRUE(stored);
  EXPECT_EQ(vips_image_get_format(stored.get()), VIPS_FORMAT_UCHAR);
  EXPECT_FALSE(vips_image_hasalpha(stored.get()));
}

const FormatCase kFormats[] = {
    {"png_rgb", [] { return testing::noise_png(300, 200, 3); }, "image/png"},
    {"png_rgba", [] { return testing::noise_png(300, 200, 4); }, "image/png"},
    {"png_grey", [] { return testing::noise_png(300, 200, 1); }, "image/png"},
    {"webp", [] { return testing::noise_webp(300, 200); }, "image/webp"},
    {"jpeg", [] { return testing::noise_jpeg(300, 200); }, "image/jpeg"},
};

INSTANTIATE_TEST_SUITE_P(Formats, AcceptedFormat, ::testing::ValuesIn(kFormats),
                         [](const auto& info) { return std::string(info.param.name); });

TEST_F(PhotoProcessor, LargePhotoIsScaledToFitAndThumbnailToThumbnailSize) {
  auto photo = process_photo(testing::noise_jpeg(3000, 1200));
  ASSERT_TRUE(photo) << photo.error().log_detail();
  EXPECT_EQ(photo->width, kMaxPhotoSide);
  EXPECT_EQ(photo->height, 1024);
  const ImagePtr thumbnail = load_jpeg(photo->thumbnail);
  ASSERT_TRUE(thumbnail);
  EXPECT_EQ(vips_image_get_width(thumbnail.get()), kThumbnailSide);
  EXPECT_EQ(vips_image_get_height(thumbnail.get()), 128);
}

TEST_F(PhotoProcessor, SmallPhotoIsNeverEnlarged) {
  auto photo = process_photo(testing::noise_jpeg(40, 30));
  ASSERT_TRUE(photo) << photo.error().log_detail();
  EXPECT_EQ(photo->width, 40);
  EXPECT_EQ(photo->height, 30);
  const ImagePtr thumbnail = load_jpeg(photo->thumbnail);
  ASSERT_TRUE(thumbnail);
  EXPECT_EQ(vips_image_get_width(thumbnail.get()), 40);
  EXPECT_EQ(vips_image_get_height(thumbnail.get()), 30);
}

TEST_F(PhotoProcessor, ThumbnailOfAPortraitFitsByItsHeight) {
  auto photo = process_photo(testing::noise_png(500, 1000));
  ASSERT_TRUE(photo) << photo.error().log_detail();
  const ImagePtr thumbnail = load_jpeg(photo->thumbnail);
  ASSERT_TRUE(thumbnail);
  EXPECT_EQ(vips_image_get_width(thumbnail.get()), 160);
  EXPECT_EQ(vips_image_get_height(thumbnail.get()), kThumbnailSide);
}

TEST_F(PhotoProcessor, ManyThreadsAtOnce) {
  const std::string good = testing::with_segment_after_soi(
      testing::noise_jpeg(400, 300), testing::exif_app1(ByteOrder::little_endian, 'S', kLatitude, 'E', kLongitude));
  const std::string whole = testing::noise_jpeg(400, 300);
  const std::string truncated = whole.substr(0, whole.size() / 2);
  constexpr int kThreads = 8;
  std::vector<int> outcomes(kThreads, -1);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 5; ++round) {
        auto photo = process_photo(i % 2 == 0 ? good : truncated);
        const bool expected = i % 2 == 0 ? photo && photo->gps && photo->width == 400 : !photo;
        if (!expected) return;
      }
      outcomes[i] = 1;
    });
  }
  for (auto& thread : threads) thread.join();
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(outcomes[i], 1) << "thread " << i;
}

TEST_F(PhotoProcessor, LoadersOtherThanJpegPngWebpAreBlocked) {
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";
  VipsImage* image = nullptr;
  EXPECT_NE(vips_svgload_buffer(svg.data(), svg.size(), &image, nullptr), 0);
  char* detail = vips_error_buffer_copy();
  const std::string message = detail ? detail : "";
  g_free(detail);
  EXPECT_NE(message.find("blocked"), std::string::npos) << message;
}

}  // namespace
}  // namespace sigap::media
