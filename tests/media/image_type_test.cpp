#include "media/image_type.hpp"

#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace sigap::media {
namespace {

struct SniffCase {
  std::string_view name;
  std::string bytes;
  std::optional<ImageType> expected;
};

class SniffImageType : public ::testing::TestWithParam<SniffCase> {};

TEST_P(SniffImageType, JudgesByTheFirstBytesOnly) {
  EXPECT_EQ(sniff_image_type(GetParam().bytes), GetParam().expected);
}

const SniffCase kSniffCases[] = {
    {"jpeg_jfif", std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11), ImageType::jpeg},
    {"jpeg_exif", std::string("\xFF\xD8\xFF\xE1\x12\x34\x45xif\x00\x00", 12), ImageType::jpeg},
    {"jpeg_signature_only", std::string("\xFF\xD8\xFF", 3), ImageType::jpeg},
    {"png", std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16), ImageType::png},
    {"webp", std::string("RIFF\x24\x00\x00\x00WEBPVP8 ", 16), ImageType::webp},
    {"php_script_named_jpg", "<?php system($_GET['c']); ?>", std::nullopt},
    {"php_after_whitespace", "\n<?php echo 1; ?>", std::nullopt},
    {"gif87a", std::string("GIF87a\x01\x00\x01\x00", 10), std::nullopt},
    {"gif89a", std::string("GIF89a\x01\x00\x01\x00", 10), std::nullopt},
    {"heic", std::string("\x00\x00\x00\x18\x66typheic\x00\x00\x00\x00", 16), std::nullopt},
    {"avif", std::string("\x00\x00\x00\x1C\x66typavif\x00\x00\x00\x00", 16), std::nullopt},
    {"svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", std::nullopt},
    {"pdf", "%PDF-1.7\n", std::nullopt},
    {"bmp", std::string("BM\x36\x00\x00\x00", 6), std::nullopt},
    {"tiff", std::string("II*\x00\x08\x00\x00\x00", 8), std::nullopt},
    {"riff_wave", std::string("RIFF\x24\x00\x00\x00WAVEfmt ", 16), std::nullopt},
    {"riff_too_short_for_webp", std::string("RIFF\x24\x00\x00\x00WEB", 11), std::nullopt},
    {"jpeg_two_bytes", std::string("\xFF\xD8", 2), std::nullopt},
    {"png_signature_broken", std::string("\x89PNG\r\n\x1A\x00", 8), std::nullopt},
    {"html", "<!DOCTYPE html><script>alert(1)</script>", std::nullopt},
    {"empty", "", std::nullopt},
};

INSTANTIATE_TEST_SUITE_P(Table, SniffImageType, ::testing::ValuesIn(kSniffCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(MimeType, NamesEachType) {
  EXPECT_EQ(mime_type(ImageType::jpeg), "image/jpeg");
  EXPECT_EQ(mime_type(ImageType::png), "image/png");
  EXPECT_EQ(mime_type(ImageType::webp), "image/webp");
}

}  // namespace
}  // namespace sigap::media
