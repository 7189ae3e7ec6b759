#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::domain::complaints {

// How a reporter's contact details and a complaint's location are checked and normalised on intake.
// Phone, NIK and e-mail are personal data (DESIGN.md, "Data rules"): no error message here repeats
// what was typed, so an error can be logged or shown anywhere. All functions are pure and
// thread-safe; errors are ErrorCode::validation with one FieldError per field at fault, in Bahasa
// Indonesia and English.

/// An Indonesian phone number as a person writes it -> E.164 ("+6281234567890").
/// Accepted: national form with the trunk 0 ("0812-3456-7890", "0812 3456 7890", "(0711) 352 123"),
/// international form with or without '+' ("+62 812 3456 7890", "6281234567890", "0062812..."), and
/// the common slip "+62 0812..." (the 0 is dropped). Spaces, dashes, dots and parentheses are
/// ignored; '+' only in front.
/// The number after the country code (the national significant number) must be
///  - mobile: 8 then 1..9 (written 0811.. to 0899..), 9 to 12 digits in all ("0811-234-567" to
///    "0812-3456-78901");
///  - landline: an area code starting 2..7 or 9 (021 Jakarta, 0711 Palembang, 0967 Jayapura) and
///    the subscriber number, 8 to 11 digits in all.
/// Refused with a message saying why: letters and other characters, a number too short or too long,
/// a foreign number (+1..., 001...), a number without its leading 0 or +62, special numbers
/// (112, 0800 toll-free).
Result<std::string> normalize_indonesian_phone(std::string_view typed, std::string_view field = "phone");

/// What a valid NIK (Nomor Induk Kependudukan) tells about its holder.
struct NikFacts {
  std::string digits;                      // the 16 digits, separators removed: what to store (sealed)
  std::string region_code;                 // "16.71.01": province.regency.district of first registration
  std::chrono::year_month_day birth_date;  // from digits 7-12
  bool female = false;                     // day of birth written +40

  bool operator==(const NikFacts&) const = default;
};

/// Checks a 16-digit NIK as Dukcapil composes it: PP KK CC DDMMYY SSSS.
///  - PP: a province code in use by Kemendagri (the table in contact.cpp: the 38 provinces since the
///    Papua splits of 2022; old NIKs keep the code of the province they were issued in);
///  - KK (regency/city) and CC (district): not 00;
///  - DDMMYY: the birth date, the day plus 40 for women (41..71); a real calendar date (29 February
///    only in leap years). The century is the latest one that does not put the date after `today`:
///    "010203" is 1 February 2003 when today is in 2026, and "010230" is 1 February 1930;
///  - SSSS: serial number, not 0000.
/// Spaces, dots and dashes between digits are ignored ("1671 0101 0190 0001").
/// `today`: the current date in the reporter's time zone (time is an input).
Result<NikFacts> check_nik(std::string_view nik, std::chrono::year_month_day today, std::string_view field = "nik");

/// " Rina.S@Gmail.COM " -> "Rina.S@gmail.com": trims surrounding white space, lower-cases the domain
/// (the local part is left as typed: mail servers may treat it case-sensitively). Checks the basic
/// shape: one '@'; a local part of 1..64 characters of letters, digits, UTF-8 and
/// !#$%&'*+-/=?^_`{|}~ with dots only between them; a domain of at least two dot-separated labels of
/// ASCII letters, digits and inner hyphens (1..63 characters each) ending in an alphabetic top-level
/// domain of 2 letters or more (or an IDNA "xn--" label); 254 characters at most in all. Whether the
/// mailbox exists is not checked.
Result<std::string> normalize_email(std::string_view typed, std::string_view field = "email");

/// Indonesia's extent as a box, in degrees (WGS 84), with a small margin around the outermost
/// islands: Pulau Rondo (about 6.08 N) in the north, Pulau Ndana (about 11.0 S) in the south, Pulau
/// Benggala (about 94.97 E) off Aceh in the west, and the land border with Papua New Guinea (141.0 E)
/// in the east. It is a box, not the border: it also holds parts of Malaysia, Singapore, Brunei,
/// Timor-Leste and the southern Philippines, and the sea.
inline constexpr double kMinLatitude = -11.1;
inline constexpr double kMaxLatitude = 6.1;
inline constexpr double kMinLongitude = 94.9;
inline constexpr double kMaxLongitude = 141.1;
/// A phone's reported horizontal accuracy is accepted up to this many metres (a coarse network fix).
inline constexpr double kMaxAccuracyM = 10'000;

/// Checks a map pin: latitude and longitude finite and within Indonesia's box (bounds inclusive),
/// accuracy (when given) finite and within 0..kMaxAccuracyM. Each bad value is a FieldError on
/// "latitude", "longitude" or "accuracy_m"; a latitude/longitude pair that would fit if swapped says
/// so.
Result<master_data::GeoPoint> check_location(double latitude, double longitude, std::optional<double> accuracy_m);

/// The great-circle distance in metres between two points (haversine formula on a sphere of the
/// mean Earth radius, 6,371,008.8 m; within 0.5% of the ellipsoid distance).
double distance_m(master_data::GeoPoint a, master_data::GeoPoint b);

}  // namespace sigap::domain::complaints
