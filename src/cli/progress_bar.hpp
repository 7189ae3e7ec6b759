#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace sigap::cli {

/// Progress of a long command on a stream (stderr): on a terminal one line redrawn in place
///   [##########..........]  50.0 %  500,000 / 1,000,000  41,233/s  ETA 0:12
/// and otherwise (a log file, a pipe) a plain line at every tenth of the way. Not thread-safe.
class ProgressBar {
 public:
  ProgressBar(std::FILE* out, std::int64_t total, std::string label);
  /// `done` of `total` finished now.
  void update(std::int64_t done);
  /// The last line, with the elapsed time and the average rate.
  void finish(std::int64_t done);

  /// "1,000,000".
  static std::string grouped(std::int64_t number);
  /// "1:05:03", "4:09".
  static std::string clock_text(std::chrono::seconds duration);

 private:
  std::FILE* out_;
  std::int64_t total_;
  std::string label_;
  bool terminal_;
  int last_tenth_ = 0;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace sigap::cli
