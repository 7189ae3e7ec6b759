#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "app/ports/camera_fetcher.hpp"
#include "domain/cameras/camera_rules.hpp"
#include "domain/integration/url_policy.hpp"

namespace sigap::notify {

struct CameraFetcherOptions {
  domain::integration::AllowList allow;  // camera_allow_hosts
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(5)};
  std::chrono::milliseconds total_timeout{std::chrono::seconds(10)};  // camera_timeout_seconds
  /// Bytes read at most before giving up on finding a complete JPEG (an MJPEG stream's part
  /// headers, a large first frame).
  std::size_t max_read = 8 * 1024 * 1024;
};

/// Camera images by libcurl. Before each request the URL is checked by the camera policy
/// (domain::cameras::check_camera_url), its host resolved and every address checked
/// (check_camera_addresses: private networks yes, link-local and cloud metadata never), and the
/// connection pinned to the checked address (CURLOPT_RESOLVE and an open-socket callback that
/// refuses any other), so a DNS answer that changes in between cannot send it elsewhere. GET, no
/// redirect followed, no proxy from the environment, http and https only, TLS verified,
/// credentials by HTTP Basic or Digest. The body is scanned as it arrives
/// (domain::cameras::JpegFrameFinder) and the transfer stops at the end of the first complete
/// JPEG, so an MJPEG stream is read no further than its first frame. Errors name what went
/// wrong, never the credentials. Thread-safe: one curl handle per fetch.
class CurlCameraFetcher final : public app::ports::CameraFetcher {
 public:
  explicit CurlCameraFetcher(CameraFetcherOptions options);

  // app::ports::CameraFetcher
  app::ports::CameraAnswer fetch(const app::ports::CameraRequest& request) override;
  Result<void> check_destination(const std::string& url) override;

 private:
  struct Destination {
    domain::cameras::CameraUrl url;
    domain::integration::IpAddress address;
  };
  Result<Destination> resolve_checked(const std::string& url) const;

  CameraFetcherOptions options_;
};

}  // namespace sigap::notify
