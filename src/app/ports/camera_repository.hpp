#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/error.hpp"
#include "domain/cameras/camera.hpp"

namespace sigap::app::ports {

/// Reads the camera registry. The snapshot URL and the credentials come back opened (storage
/// seals them at rest); callers decide who sees what. Thread-safe.
class CameraRepository {
 public:
  virtual ~CameraRepository() = default;
  /// Every camera, ordered by unit code, then name, then id.
  virtual Result<std::vector<domain::cameras::Camera>> list() = 0;
  virtual Result<std::optional<domain::cameras::Camera>> find(std::int64_t id) = 0;
};

/// Writes the camera registry inside a Transaction.
class CameraWriter {
 public:
  virtual ~CameraWriter() = default;
  /// Stores a new camera (state unknown since its creation) and returns its id.
  virtual Result<std::int64_t> insert(const domain::cameras::Camera& camera) = 0;
  /// Replaces what admins keep of the camera (not its health); false when there is none.
  virtual Result<bool> update(const domain::cameras::Camera& camera) = 0;
  virtual Result<bool> remove(std::int64_t id) = 0;
  /// Stores what the probe found; false when the camera is gone.
  virtual Result<bool> set_health(std::int64_t id, const domain::cameras::CameraHealth& health) = 0;
};

}  // namespace sigap::app::ports
