#include "domain/cameras/camera.hpp"

#include <array>
#include <utility>

namespace sigap::domain::cameras {

namespace {

constexpr std::array<std::pair<CameraStatus, std::string_view>, 3> kStatuses{{
    {CameraStatus::unknown, "unknown"},
    {CameraStatus::up, "up"},
    {CameraStatus::down, "down"},
}};

}  // namespace

std::string_view to_string(CameraStatus status) {
  for (const auto& [value, name] : kStatuses) {
    if (value == status) return name;
  }
  return "unknown";
}

std::optional<CameraStatus> camera_status_from_string(std::string_view text) {
  for (const auto& [value, name] : kStatuses) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace sigap::domain::cameras
