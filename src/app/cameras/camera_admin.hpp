#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/cameras/camera_settings.hpp"
#include "app/cameras/camera_snapshots.hpp"
#include "app/ports/camera_fetcher.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"
#include "domain/cameras/camera.hpp"

namespace sigap::app::cameras {

/// What an admin sends to add or change a camera; absent fields are kept (update) or defaulted
/// (create: no location text, no position, no credentials, active).
struct CameraDraft {
  std::optional<std::string> unit_code;
  std::optional<std::string> name;
  std::optional<std::string> location;
  /// Given: set (a value) or cleared (nullopt inside).
  std::optional<std::optional<domain::master_data::GeoPoint>> position;
  std::optional<std::string> snapshot_url;
  std::optional<std::string> username;  // "" clears
  std::optional<std::string> password;  // "" clears
  std::optional<bool> active;
};

/// The camera registry. Listing and reading (view_camera) shows the cameras of the units in
/// the actor's scope; a camera outside it is not_found, like one that does not exist. Adding,
/// changing and removing (manage_cameras) is audited (camera.created, camera.updated with the
/// names of the fields that changed — "credentials", never their values — camera.deleted) in the
/// transaction that makes the change. Removing or switching off a camera closes its open
/// camera_down alert. Thread-safe.
class CameraAdmin {
 public:
  /// `fetcher` (may be null) resolves a new URL's host so that a name pointing at a refused
  /// address is turned away at once; `snapshots` (may be null) forgets a removed camera's image.
  CameraAdmin(ports::Storage& storage, const Clock& clock, const CameraSettings& settings,
              ports::CameraFetcher* fetcher, CameraSnapshots* snapshots)
      : storage_(storage), clock_(clock), settings_(settings), fetcher_(fetcher), snapshots_(snapshots) {}

  Result<std::vector<domain::cameras::Camera>> list(const domain::access::Actor& actor);
  Result<domain::cameras::Camera> get(const domain::access::Actor& actor, std::int64_t id);
  /// Errors: validation naming each field (unit_code, name, location, latitude, longitude,
  /// snapshot_url, username, password).
  Result<domain::cameras::Camera> create(const domain::access::Actor& actor, const CameraDraft& draft,
                                         const std::string& ip);
  Result<domain::cameras::Camera> update(const domain::access::Actor& actor, std::int64_t id, const CameraDraft& draft,
                                         const std::string& ip);
  Result<void> remove(const domain::access::Actor& actor, std::int64_t id, const std::string& ip);

 private:
  /// Applies `draft` to `camera`, collecting every problem.
  Result<void> apply(const CameraDraft& draft, bool creating, domain::cameras::Camera& camera);

  ports::Storage& storage_;
  const Clock& clock_;
  const CameraSettings& settings_;
  ports::CameraFetcher* fetcher_;
  CameraSnapshots* snapshots_;
};

/// Whether `actor` may do `action` on the cameras of `unit_code` (a role on an ancestor unit
/// covers it).
Result<bool> may_on_unit(ports::Storage& storage, const domain::access::Actor& actor, domain::access::Action action,
                         const std::string& unit_code);

}  // namespace sigap::app::cameras
