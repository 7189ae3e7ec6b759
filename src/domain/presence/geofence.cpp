#include "domain/presence/geofence.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "domain/complaints/contact.hpp"

namespace sigap::domain::presence {

Result<Position> check_position(double latitude, double longitude, double accuracy_m) {
  std::vector<FieldError> fields;
  auto point = complaints::check_location(latitude, longitude, std::nullopt);
  if (!point) fields = point.error().fields();
  if (!std::isfinite(accuracy_m) || accuracy_m <= 0) {
    fields.push_back({"accuracy_m", Text{"Akurasi lokasi harus bilangan positif (meter).",
                                         "The location accuracy must be a positive number (metres)."}});
  } else if (accuracy_m > kMaxCheckInAccuracyM) {
    fields.push_back(
        {"accuracy_m",
         Text{fmt::format("Lokasi ponsel kurang akurat ({:.0f} m; paling banyak {:.0f} m). Nyalakan GPS, tunggu "
                          "sebentar di tempat terbuka, lalu coba lagi.",
                          accuracy_m, kMaxCheckInAccuracyM),
              fmt::format("The phone's location is not accurate enough ({:.0f} m; at most {:.0f} m). Turn on GPS, "
                          "wait a moment in the open and try again.",
                          accuracy_m, kMaxCheckInAccuracyM)}});
  }
  if (!fields.empty()) {
    return Error(ErrorCode::validation,
                 Text{"Lokasi presensi tidak dapat diterima.", "The location cannot be accepted."}, std::move(fields));
  }
  return Position{*point, accuracy_m};
}

Result<int> check_radius(double radius_m) {
  if (!std::isfinite(radius_m) || radius_m < kMinRadiusM || radius_m > kMaxRadiusM ||
      radius_m != std::floor(radius_m)) {
    return Error(ErrorCode::validation, Text{"Radius kantor tidak valid.", "The office radius is not valid."},
                 {FieldError{"radius_m",
                             Text{fmt::format("Isi bilangan bulat {} sampai {} meter.", kMinRadiusM, kMaxRadiusM),
                                  fmt::format("Give a whole number of {} to {} metres.", kMinRadiusM, kMaxRadiusM)}}});
  }
  return static_cast<int>(radius_m);
}

GeofenceVerdict judge_position(const Geofence& fence, const Position& position) {
  GeofenceVerdict verdict;
  verdict.distance_m = complaints::distance_m(fence.office, position.point);
  verdict.allowance_m = std::min(std::max(position.accuracy_m, 0.0), kMaxAccuracyAllowanceM);
  verdict.inside = verdict.distance_m <= fence.radius_m + verdict.allowance_m;
  return verdict;
}

Error outside_geofence(const GeofenceVerdict& verdict, const Geofence& fence, const std::string& unit_name) {
  const auto distance = static_cast<long long>(std::llround(verdict.distance_m));
  Text message{fmt::format("Anda berada {} m dari kantor {}; presensi hanya dapat dilakukan dalam radius {} m "
                           "(ditambah toleransi akurasi {:.0f} m).",
                           distance, unit_name, fence.radius_m, verdict.allowance_m),
               fmt::format("You are {} m from the office of {}; check-in is only possible within {} m (plus an "
                           "accuracy allowance of {:.0f} m).",
                           distance, unit_name, fence.radius_m, verdict.allowance_m)};
  return Error(ErrorCode::validation, message, {FieldError{"location", message}});
}

}  // namespace sigap::domain::presence
