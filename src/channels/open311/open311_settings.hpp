#pragma once

#include <string>

namespace sigap::channels::open311 {

/// How the Open311 endpoint presents itself (configuration keys open311_*; docs/integration.md).
struct Open311Settings {
  /// The one jurisdiction served (GeoReport: the city's web domain without "www"). A request
  /// naming another is 404; one naming none is served, as the specification allows an
  /// endpoint that serves a single jurisdiction.
  std::string jurisdiction_id = "palembang.go.id";
  /// Discovery `contact`: how to reach the people who run the endpoint.
  std::string contact = "Diskominfo Kota Palembang, pengelola Sigap";
};

}  // namespace sigap::channels::open311
