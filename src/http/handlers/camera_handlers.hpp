#pragma once

#include "app/cameras/camera_admin.hpp"
#include "app/cameras/camera_settings.hpp"
#include "app/cameras/camera_snapshots.hpp"
#include "app/ports/camera_fetcher.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// Cameras of unit offices (docs/command-center.md): the registry for admins, the cameras of
/// their units with their state for everyone allowed to see them, and the latest image, every
/// view of which is audited. The snapshot URL is shown to camera admins only; credentials never.
class CameraHandlers {
 public:
  CameraHandlers(app::ports::Storage& storage, const Clock& clock, app::cameras::CameraSettings settings,
                 app::ports::CameraFetcher* fetcher, app::cameras::CameraSnapshots& snapshots)
      : storage_(storage),
        clock_(clock),
        settings_(std::move(settings)),
        snapshots_(snapshots),
        admin_(storage, clock, settings_, fetcher, &snapshots) {}

  /// GET /api/v1/cameras?unit=: {items: [camera]}, the cameras of the units in scope.
  Response list(const Request& request);
  /// POST /api/v1/cameras {unit_code, name, location?, latitude?, longitude?, snapshot_url,
  /// username?, password?, active?}: 201.
  Response create(const Request& request);
  /// GET /api/v1/cameras/{id}
  Response get(const Request& request);
  /// PUT /api/v1/cameras/{id}: any field of create; the rest is kept.
  Response update(const Request& request);
  /// DELETE /api/v1/cameras/{id}: 204.
  Response remove(const Request& request);
  /// GET /api/v1/cameras/{id}/snapshot: the latest image (image/jpeg), audited.
  Response snapshot(const Request& request);

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::cameras::CameraSettings settings_;
  app::cameras::CameraSnapshots& snapshots_;
  app::cameras::CameraAdmin admin_;
};

}  // namespace sigap::http::handlers
