#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::domain::cameras {

/// Whether the last probes reached the camera: `unknown` until the first probe.
enum class CameraStatus { unknown, up, down };

std::string_view to_string(CameraStatus status);
/// "unknown", "up", "down"; nullopt for anything else.
std::optional<CameraStatus> camera_status_from_string(std::string_view text);

/// Up or down, and since when; the last probe's error while down (never the camera's answer).
struct CameraHealth {
  CameraStatus status = CameraStatus::unknown;
  TimePoint since{};
  std::string last_error;
  bool operator==(const CameraHealth&) const = default;
};

/// A camera of a unit office, as the registry keeps it. `snapshot_url` answers a JPEG or an
/// MJPEG stream (multipart/x-mixed-replace); `username` and `password` (optional) are sent as
/// HTTP Basic or Digest authentication. The URL and the credentials are sealed at rest and the
/// credentials never leave the server.
struct Camera {
  std::int64_t id = 0;
  std::string unit_code;
  std::string name;      // "Ruang pelayanan"
  std::string location;  // where it hangs or what it looks at, free text
  std::optional<master_data::GeoPoint> position;
  std::string snapshot_url;
  std::string username;
  std::string password;
  bool active = true;  // inactive cameras are not probed
  CameraHealth health;
  TimePoint created_at{};
  TimePoint updated_at{};

  [[nodiscard]] bool has_credentials() const { return !username.empty() || !password.empty(); }
  bool operator==(const Camera&) const = default;
};

}  // namespace sigap::domain::cameras
