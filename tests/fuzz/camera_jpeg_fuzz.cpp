// What a network camera answers (domain/cameras/jpeg_frame): a JPEG, or an MJPEG stream of them,
// arriving piece by piece; the camera probe looks for the first complete image in it.
// Invariants: a found image lies inside the bytes, starts with FF D8 FF and ends with FF D9; and
// the bytes fed in small growing pieces (as libcurl hands them over) give the same image as the
// whole buffer at once.
#include "domain/cameras/jpeg_frame.hpp"
#include "fuzz/fuzz_check.hpp"

namespace cameras = sigap::domain::cameras;

namespace {

unsigned byte_at(std::string_view bytes, std::size_t at) { return static_cast<unsigned char>(bytes[at]); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto bytes = sigap::fuzz::as_text(data, size);

  cameras::JpegFrameFinder whole;
  bool found = whole.feed(bytes);
  FUZZ_CHECK(found == whole.complete());
  if (found) {
    FUZZ_CHECK(whole.begin() + 4 <= whole.end() && whole.end() <= bytes.size());
    FUZZ_CHECK(byte_at(bytes, whole.begin()) == 0xFF && byte_at(bytes, whole.begin() + 1) == 0xD8 &&
               byte_at(bytes, whole.begin() + 2) == 0xFF);
    FUZZ_CHECK(byte_at(bytes, whole.end() - 2) == 0xFF && byte_at(bytes, whole.end() - 1) == 0xD9);
  }

  // The same bytes as a transfer delivers them: growing prefixes, pieces of 1 to 13 bytes.
  cameras::JpegFrameFinder pieces;
  bool found_in_pieces = false;
  std::size_t received = 0;
  for (std::size_t step = 0; received < bytes.size() && !found_in_pieces; ++step) {
    received = std::min(bytes.size(), received + 1 + (step * 7) % 13);
    found_in_pieces = pieces.feed(bytes.substr(0, received));
  }
  FUZZ_CHECK(found_in_pieces == found);
  if (found) FUZZ_CHECK(pieces.begin() == whole.begin() && pieces.end() == whole.end());
  return 0;
}
