#pragma once

#include <chrono>
#include <string>

#include "common/error.hpp"

namespace sigap::app::ports {

/// What to fetch: the camera's snapshot URL and its credentials (empty: none).
struct CameraRequest {
  std::string url;
  std::string username;
  std::string password;
};

/// What came back: the first complete JPEG image, or why there is none.
struct CameraAnswer {
  bool ok = false;
  std::string jpeg;   // when ok
  std::string error;  // when not: "timed out", "HTTP 401", "no JPEG image in the answer", ...
  std::chrono::milliseconds duration{0};
};

/// Fetches one image from a camera: a JPEG answer, or the first frame of an MJPEG stream (read
/// no further), under the camera URL policy (domain/cameras/camera_rules), within timeouts and
/// a size limit. Implemented by notify::CurlCameraFetcher. Thread-safe.
class CameraFetcher {
 public:
  virtual ~CameraFetcher() = default;
  virtual CameraAnswer fetch(const CameraRequest& request) = 0;
  /// Resolves the URL's host now and checks it against the policy: `validation` when the URL is
  /// refused, `forbidden` when an address is, `unavailable` when the name does not resolve.
  virtual Result<void> check_destination(const std::string& url) = 0;
};

}  // namespace sigap::app::ports
