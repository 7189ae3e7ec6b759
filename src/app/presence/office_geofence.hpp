#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/presence/geofence.hpp"

namespace sigap::app::presence {

/// A unit office's location and geofence radius as an admin sends them.
struct GeofenceForm {
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<double> radius_m;  // default domain::presence::kDefaultRadiusM
};

/// A unit and its geofence, if its office has a location.
struct OfficeLocation {
  std::string unit_code;
  std::optional<domain::presence::Geofence> geofence;
};

/// Where staff may check in (manage_master_data): a unit's office location (the same
/// units.latitude/longitude the unit admin edits) and the radius around it. Audited
/// ("unit.geofence_set", detail: the location and radius). Thread-safe.
class OfficeGeofences {
 public:
  OfficeGeofences(ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  /// The unit named by id or code and its geofence (none while its office has no location).
  /// not_found for an unknown unit.
  Result<OfficeLocation> get(std::string_view id_or_code);
  /// Errors: not_found; validation on "latitude", "longitude" (within Indonesia, both required)
  /// and "radius_m" (20..2000 whole metres).
  Result<domain::presence::Geofence> set(std::string_view id_or_code, const GeofenceForm& form, const std::string& by,
                                         const std::string& ip);

 private:
  ports::Storage& storage_;
  const Clock& clock_;
};

}  // namespace sigap::app::presence
