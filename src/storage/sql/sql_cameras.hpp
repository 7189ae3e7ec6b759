#pragma once

#include "app/ports/camera_repository.hpp"
#include "storage/sql/personal_data.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

/// The camera registry (migration 0015). The snapshot URL and the credentials are sealed like
/// personal data (PersonalDataSealer) on the way in and opened on the way out.
class SqlCameraRepository final : public app::ports::CameraRepository {
 public:
  SqlCameraRepository(SqlBackend& backend, const PersonalDataSealer& sealer) : backend_(backend), sealer_(sealer) {}
  // app::ports::CameraRepository
  Result<std::vector<domain::cameras::Camera>> list() override;
  Result<std::optional<domain::cameras::Camera>> find(std::int64_t id) override;

 private:
  SqlBackend& backend_;
  const PersonalDataSealer& sealer_;
};

class SqlCameraWriter final : public app::ports::CameraWriter {
 public:
  SqlCameraWriter(SqlConnection& connection, const PersonalDataSealer& sealer)
      : connection_(connection), sealer_(sealer) {}
  // app::ports::CameraWriter
  Result<std::int64_t> insert(const domain::cameras::Camera& camera) override;
  Result<bool> update(const domain::cameras::Camera& camera) override;
  Result<bool> remove(std::int64_t id) override;
  Result<bool> set_health(std::int64_t id, const domain::cameras::CameraHealth& health) override;

 private:
  SqlConnection& connection_;
  const PersonalDataSealer& sealer_;
};

}  // namespace sigap::storage::sql
