#pragma once

#include <string>

#include "common/error.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::domain::presence {

/// A radius admins give a unit office when they set none: a kantor lurah and its yard.
inline constexpr int kDefaultRadiusM = 100;
inline constexpr int kMinRadiusM = 20;
inline constexpr int kMaxRadiusM = 2000;
/// A phone that knows its position no better than this is not believed (a network fix, not GPS).
inline constexpr double kMaxCheckInAccuracyM = 200;
/// How much of the phone's reported accuracy is given to the officer's benefit, at most.
inline constexpr double kMaxAccuracyAllowanceM = 50;

/// Where a unit's office is and how far around it staff may check in.
struct Geofence {
  std::string unit_code;
  master_data::GeoPoint office;
  int radius_m = kDefaultRadiusM;
  bool operator==(const Geofence&) const = default;
};

/// A position a phone reported: the browser's latitude, longitude and accuracy (the radius, in
/// metres, of its 68 % confidence circle).
struct Position {
  master_data::GeoPoint point;
  double accuracy_m = 0;
};

/// Checks what a phone sent: latitude and longitude within Indonesia (complaints::check_location),
/// accuracy finite, positive and at most kMaxCheckInAccuracyM. Every problem at once, on the
/// fields "latitude", "longitude" and "accuracy_m".
Result<Position> check_position(double latitude, double longitude, double accuracy_m);

/// Checks an office radius admins set: kMinRadiusM..kMaxRadiusM, on the field "radius_m".
Result<int> check_radius(double radius_m);

/// What the geofence says about a position.
struct GeofenceVerdict {
  double distance_m = 0;   // from the office, great-circle
  double allowance_m = 0;  // min(accuracy, kMaxAccuracyAllowanceM)
  bool inside = false;     // distance <= radius + allowance
};

/// THE rule: a position is inside when its distance from the office is at most the radius plus
/// the phone's accuracy, but never more than kMaxAccuracyAllowanceM of it. So with the default
/// 100 m radius a check-in counts up to 150 m away with a good fix, and a phone that claims an
/// accuracy of 180 m gets no more benefit of the doubt than one that claims 50 m.
GeofenceVerdict judge_position(const Geofence& fence, const Position& position);

/// The refusal of a check-in outside the fence: validation on "location", the distance in metres
/// (rounded) and the radius in the message, in both languages.
Error outside_geofence(const GeofenceVerdict& verdict, const Geofence& fence, const std::string& unit_name);

}  // namespace sigap::domain::presence
