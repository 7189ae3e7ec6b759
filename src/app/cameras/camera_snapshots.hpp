#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "common/clock.hpp"

namespace sigap::app::cameras {

/// The latest image of a camera, as the probe fetched it.
struct Snapshot {
  std::shared_ptr<const std::string> jpeg;
  TimePoint captured_at{};
};

/// The latest image of each camera, in memory: the camera probe puts, the snapshot route reads.
/// Bounded: an image larger than `max_image_bytes` is not kept, and when the images together
/// pass `max_total_bytes` the oldest captures are dropped first. Images are not written to disk
/// (they show people at a counter; nothing keeps them longer than the next probe). Each
/// `sigap serve` process that probes has its own. Thread-safe.
class CameraSnapshots {
 public:
  static constexpr std::size_t kDefaultMaxImageBytes = 4 * 1024 * 1024;
  static constexpr std::size_t kDefaultMaxTotalBytes = 256 * 1024 * 1024;

  explicit CameraSnapshots(std::size_t max_image_bytes = kDefaultMaxImageBytes,
                           std::size_t max_total_bytes = kDefaultMaxTotalBytes)
      : max_image_bytes_(max_image_bytes), max_total_bytes_(max_total_bytes) {}

  /// Keeps `jpeg` as the camera's latest image; false when it is too large to keep.
  bool put(std::int64_t camera_id, std::string jpeg, TimePoint captured_at);
  [[nodiscard]] std::optional<Snapshot> latest(std::int64_t camera_id) const;
  /// Drops the camera's image (the camera was removed).
  void forget(std::int64_t camera_id);
  [[nodiscard]] std::size_t total_bytes() const;
  [[nodiscard]] std::size_t max_image_bytes() const { return max_image_bytes_; }

 private:
  const std::size_t max_image_bytes_;
  const std::size_t max_total_bytes_;
  mutable std::mutex mutex_;
  std::map<std::int64_t, Snapshot> images_;  // GUARDED_BY(mutex_)
  std::size_t total_ = 0;                    // GUARDED_BY(mutex_)
};

}  // namespace sigap::app::cameras
