#include "app/presence/office_geofence.hpp"

#include <cmath>

#include <fmt/format.h>

#include "app/audit/record_audit.hpp"
#include "app/master_data/master_data_queries.hpp"
#include "domain/complaints/contact.hpp"

namespace sigap::app::presence {

namespace dp = domain::presence;

Result<OfficeLocation> OfficeGeofences::get(std::string_view id_or_code) {
  auto unit = master_data::MasterDataQueries(storage_).get_unit(id_or_code);
  if (!unit) return unit.error();
  auto fence = storage_.presence().geofence(unit->code);
  if (!fence) return fence.error();
  return OfficeLocation{unit->code, std::move(*fence)};
}

Result<dp::Geofence> OfficeGeofences::set(std::string_view id_or_code, const GeofenceForm& form, const std::string& by,
                                          const std::string& ip) {
  auto unit = master_data::MasterDataQueries(storage_).get_unit(id_or_code);
  if (!unit) return unit.error();
  std::vector<FieldError> problems;
  if (!form.latitude) problems.push_back({"latitude", Text{"Wajib diisi.", "Required."}});
  if (!form.longitude) problems.push_back({"longitude", Text{"Wajib diisi.", "Required."}});
  dp::Geofence fence;
  fence.unit_code = unit->code;
  if (form.latitude && form.longitude) {
    auto point = domain::complaints::check_location(*form.latitude, *form.longitude, std::nullopt);
    if (point) {
      fence.office = *point;
    } else {
      for (const auto& field : point.error().fields()) problems.push_back(field);
    }
  }
  auto radius = dp::check_radius(form.radius_m.value_or(dp::kDefaultRadiusM));
  if (radius) {
    fence.radius_m = *radius;
  } else {
    for (const auto& field : radius.error().fields()) problems.push_back(field);
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation,
                 Text{"Lokasi kantor belum benar; periksa isian yang ditandai.",
                      "The office location is not right yet; check the marked fields."},
                 std::move(problems));
  }
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto set = tx.presence().set_geofence(fence);
    if (!set) return set.error();
    if (!*set) return Error(ErrorCode::not_found, Text{"Unit tidak ditemukan.", "Unit not found."});
    auto audited = audit::record_audit(
        tx,
        {clock_.now(), by, "unit.geofence_set", "unit:" + fence.unit_code,
         fmt::format("{:.6f},{:.6f} radius {} m", fence.office.latitude, fence.office.longitude, fence.radius_m), ip});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return fence;
}

}  // namespace sigap::app::presence
