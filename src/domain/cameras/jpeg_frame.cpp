#include "domain/cameras/jpeg_frame.hpp"

namespace sigap::domain::cameras {

namespace {

unsigned byte_at(std::string_view buffer, std::size_t at) { return static_cast<unsigned char>(buffer[at]); }

}  // namespace

bool JpegFrameFinder::feed(std::string_view buffer) {
  while (!complete_) {
    switch (state_) {
      case State::searching: {
        // FF D8 FF: start of image, then the first marker.
        bool found = false;
        while (pos_ + 3 <= buffer.size()) {
          if (byte_at(buffer, pos_) == 0xFF && byte_at(buffer, pos_ + 1) == 0xD8 && byte_at(buffer, pos_ + 2) == 0xFF) {
            found = true;
            break;
          }
          ++pos_;
        }
        if (!found) return false;
        start_ = pos_;
        pos_ += 2;
        state_ = State::segments;
        break;
      }
      case State::segments: {
        // A marker (after any FF fill bytes), and for most markers a big-endian length.
        while (pos_ + 1 < buffer.size() && byte_at(buffer, pos_) == 0xFF && byte_at(buffer, pos_ + 1) == 0xFF) ++pos_;
        if (pos_ + 2 > buffer.size()) return false;
        if (byte_at(buffer, pos_) != 0xFF) {
          state_ = State::searching;  // not a JPEG after all: look further on
          pos_ = start_ + 1;
          break;
        }
        const unsigned marker = byte_at(buffer, pos_ + 1);
        if (marker == 0xD9) {
          end_ = pos_ + 2;
          complete_ = true;
          break;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // TEM, RSTn: no length
          pos_ += 2;
          break;
        }
        if (marker == 0xD8 || marker == 0x00) {  // a second SOI or a stuffed zero here: broken
          state_ = State::searching;
          pos_ = start_ + 1;
          break;
        }
        if (pos_ + 4 > buffer.size()) return false;
        const std::size_t length = (byte_at(buffer, pos_ + 2) << 8) | byte_at(buffer, pos_ + 3);
        if (length < 2) {
          state_ = State::searching;
          pos_ = start_ + 1;
          break;
        }
        if (pos_ + 2 + length > buffer.size()) return false;
        pos_ += 2 + length;
        if (marker == 0xDA) state_ = State::entropy;  // start of scan: entropy-coded data follows
        break;
      }
      case State::entropy: {
        // Up to the next real marker: FF followed by neither 00 (a stuffed FF), D0-D7 (restart
        // markers inside the scan) nor FF (fill).
        for (;;) {
          auto next = buffer.find('\xFF', pos_);
          if (next == std::string_view::npos || next + 1 >= buffer.size()) {
            pos_ = next == std::string_view::npos ? buffer.size() : next;
            return false;
          }
          const unsigned following = byte_at(buffer, next + 1);
          if (following == 0x00 || (following >= 0xD0 && following <= 0xD7)) {
            pos_ = next + 2;
            continue;
          }
          if (following == 0xFF) {
            pos_ = next + 1;
            continue;
          }
          pos_ = next;
          state_ = State::segments;
          break;
        }
        break;
      }
    }
  }
  return true;
}

}  // namespace sigap::domain::cameras
