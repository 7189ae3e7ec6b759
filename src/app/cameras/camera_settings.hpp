#pragma once

#include "domain/integration/url_policy.hpp"

namespace sigap::app::cameras {

/// The camera policy of a deployment (docs/command-center.md).
struct CameraSettings {
  /// camera_allow_hosts: hosts, addresses or CIDR blocks a camera may be on beyond the private
  /// and public networks, i.e. loopback (tests, a camera proxy on the same host). Never
  /// link-local or cloud metadata addresses.
  domain::integration::AllowList allow;
};

}  // namespace sigap::app::cameras
