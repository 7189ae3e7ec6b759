#include "app/cameras/camera_snapshots.hpp"

#include <algorithm>

namespace sigap::app::cameras {

bool CameraSnapshots::put(std::int64_t camera_id, std::string jpeg, TimePoint captured_at) {
  if (jpeg.size() > max_image_bytes_ || jpeg.size() > max_total_bytes_) return false;
  auto image = std::make_shared<const std::string>(std::move(jpeg));
  std::lock_guard lock(mutex_);
  if (auto old = images_.find(camera_id); old != images_.end()) {
    total_ -= old->second.jpeg->size();
    images_.erase(old);
  }
  while (total_ + image->size() > max_total_bytes_ && !images_.empty()) {
    auto oldest = std::min_element(images_.begin(), images_.end(), [](const auto& a, const auto& b) {
      return a.second.captured_at < b.second.captured_at;
    });
    total_ -= oldest->second.jpeg->size();
    images_.erase(oldest);
  }
  total_ += image->size();
  images_.emplace(camera_id, Snapshot{std::move(image), captured_at});
  return true;
}

std::optional<Snapshot> CameraSnapshots::latest(std::int64_t camera_id) const {
  std::lock_guard lock(mutex_);
  auto found = images_.find(camera_id);
  if (found == images_.end()) return std::nullopt;
  return found->second;
}

void CameraSnapshots::forget(std::int64_t camera_id) {
  std::lock_guard lock(mutex_);
  if (auto found = images_.find(camera_id); found != images_.end()) {
    total_ -= found->second.jpeg->size();
    images_.erase(found);
  }
}

std::size_t CameraSnapshots::total_bytes() const {
  std::lock_guard lock(mutex_);
  return total_;
}

}  // namespace sigap::app::cameras
