#pragma once

#include <string>

#include "http/message.hpp"

namespace sigap::http::handlers {

/// What the citizen portal needs to know about this installation before it draws a page.
struct PortalSettings {
  std::string map_tile_url;     // https, with {z} {x} {y}; empty: no map, lists of regions only
  std::string map_attribution;  // shown on the map, as the tile provider requires
  double center_latitude = -2.9761;   // Kota Palembang (Ampera)
  double center_longitude = 104.7754;
};

/// GET /api/v1/portal: the map settings (or null) and where the map opens.
class PortalHandlers {
 public:
  explicit PortalHandlers(PortalSettings settings) : settings_(std::move(settings)) {}
  Response settings(const Request& request);

 private:
  PortalSettings settings_;
};

}  // namespace sigap::http::handlers
