#pragma once

#include <cstddef>
#include <string_view>

namespace sigap::domain::cameras {

/// Finds the first complete JPEG image in bytes that arrive piece by piece: a single JPEG
/// answer, or an MJPEG stream (multipart/x-mixed-replace, whose part headers and boundaries are
/// skipped because the scan looks for the start-of-image marker FF D8 FF). The image is walked
/// by its structure — segment lengths up to start-of-scan, then the entropy-coded data, where a
/// marker is FF followed by anything but 00, D0-D7 or FF — so an FF D9 inside an embedded EXIF
/// thumbnail or a segment does not end it early. A structure that breaks (a bad segment
/// length) drops that candidate and the search goes on after its start.
///
/// Feed the whole buffer received so far each time (it only grows); work already done is not
/// repeated, so a stream costs O(bytes). Not thread-safe; one per transfer.
class JpegFrameFinder {
 public:
  /// Looks at `buffer` (everything received so far). True once a complete image is found;
  /// then begin() and end() delimit it in the buffer.
  bool feed(std::string_view buffer);

  [[nodiscard]] bool complete() const { return complete_; }
  [[nodiscard]] std::size_t begin() const { return start_; }
  [[nodiscard]] std::size_t end() const { return end_; }

 private:
  enum class State { searching, segments, entropy };
  State state_ = State::searching;
  std::size_t start_ = 0;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool complete_ = false;
};

}  // namespace sigap::domain::cameras
