// Finding the first complete JPEG in a JPEG answer or an MJPEG stream, fed piece by piece.
#include "domain/cameras/jpeg_frame.hpp"

#include <string>

#include <gtest/gtest.h>

namespace sigap::domain::cameras {
namespace {

std::string segment(unsigned char marker, const std::string& payload) {
  std::string out{'\xFF', static_cast<char>(marker)};
  const auto length = payload.size() + 2;
  out += static_cast<char>(length >> 8);
  out += static_cast<char>(length & 0xFF);
  return out + payload;
}

// A structurally complete JPEG: SOI, an APP0, a quantisation table, a frame header, a scan whose
// entropy-coded data holds stuffed FF 00 and a restart marker, EOI. Enough for the walker.
std::string jpeg(const std::string& app1 = {}, const std::string& scan = "\x12\x34\xFF\x00\x56\xFF\xD0\x78") {
  std::string out = "\xFF\xD8";
  out += segment(0xE0, std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14));
  if (!app1.empty()) out += segment(0xE1, app1);
  out += segment(0xDB, std::string(65, '\x01'));
  out += segment(0xC0, std::string("\x08\x00\x10\x00\x10\x01\x01\x11\x00", 9));
  out += segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6));
  out += scan;
  out += "\xFF\xD9";
  return out;
}

TEST(JpegFrame, AWholeJpegIsFoundExactly) {
  auto image = jpeg();
  JpegFrameFinder finder;
  ASSERT_TRUE(finder.feed(image));
  EXPECT_EQ(finder.begin(), 0U);
  EXPECT_EQ(finder.end(), image.size());
}

TEST(JpegFrame, BytesArrivingOneByOneGiveTheSameImage) {
  auto image = jpeg();
  JpegFrameFinder finder;
  std::string received;
  for (char byte : image) {
    EXPECT_FALSE(finder.complete());
    received += byte;
    finder.feed(received);
  }
  ASSERT_TRUE(finder.complete());
  EXPECT_EQ(received.substr(finder.begin(), finder.end() - finder.begin()), image);
}

TEST(JpegFrame, AnEmbeddedThumbnailDoesNotEndTheImage) {
  // EXIF carries a whole thumbnail JPEG, FF D8 ... FF D9, inside its APP1 segment.
  auto image = jpeg("Exif\0\0" + jpeg());
  JpegFrameFinder finder;
  ASSERT_TRUE(finder.feed(image));
  EXPECT_EQ(finder.end(), image.size());
}

TEST(JpegFrame, TheFirstFrameOfAnMjpegStream) {
  auto first = jpeg({}, "\x01\x02\x03");
  auto second = jpeg({}, "\x04\x05\x06");
  std::string stream = "--frame\r\nContent-Type: image/jpeg\r\nContent-Length: " + std::to_string(first.size()) +
                       "\r\n\r\n" + first + "\r\n--frame\r\nContent-Type: image/jpeg\r\n\r\n" + second;
  JpegFrameFinder finder;
  ASSERT_TRUE(finder.feed(stream));
  EXPECT_EQ(stream.substr(finder.begin(), finder.end() - finder.begin()), first);
}

TEST(JpegFrame, AnIncompleteOrForeignAnswerIsNoImage) {
  auto image = jpeg();
  JpegFrameFinder truncated;
  EXPECT_FALSE(truncated.feed(image.substr(0, image.size() - 1)));
  JpegFrameFinder html;
  EXPECT_FALSE(html.feed("<html><body>401 Unauthorized</body></html>"));
  // A broken candidate (a segment length of 1) is dropped and the real image after it found.
  std::string noise = std::string("\xFF\xD8\xFF\xE0\x00\x01", 6) + "junk" + image;
  JpegFrameFinder finder;
  ASSERT_TRUE(finder.feed(noise));
  EXPECT_EQ(noise.substr(finder.begin(), finder.end() - finder.begin()), image);
}

}  // namespace
}  // namespace sigap::domain::cameras
