#include "domain/complaints/contact.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace sigap::domain::complaints {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

Error field_error(Text summary, std::string_view field, Text detail) {
  return Error(ErrorCode::validation, std::move(summary), {FieldError{std::string(field), std::move(detail)}});
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

constexpr std::string_view kCountryCode = "62";
constexpr std::size_t kMaxPhoneDigits = 20;                 // far beyond any real number; keeps the work bounded
constexpr std::size_t kMinMobile = 9, kMaxMobile = 12;      // national significant number, mobile
constexpr std::size_t kMinLandline = 8, kMaxLandline = 11;  // national significant number, landline

Error bad_phone(std::string_view field, Text detail) {
  return field_error(Text{"Nomor telepon tidak valid.", "Invalid phone number."}, field, std::move(detail));
}

// ---------------------------------------------------------------------------------------------
// NIK

// Province codes of Kemendagri (Permendagri 72/2019 and its successors, latest Kepmendagri
// 300.2.2-2138/2025): the first two digits of every region code and of every NIK. 38 provinces
// since the Papua splits of 2022 (UU 14, 15, 16/2022: Papua Selatan, Papua Tengah, Papua
// Pegunungan; UU 29/2022: Papua Barat Daya). Codes that no province holds: 20, 37-50, 54-60, 66-70,
// 77-80, 83-90 and 97-99 (no 97: the four new provinces are 93-96). A NIK keeps the code of the
// province it was issued in, so NIKs of the new provinces' older residents still start 91 or 92.
constexpr std::array<std::string_view, 38> kProvinceCodes{
    "11",  // Aceh
    "12",  // Sumatera Utara
    "13",  // Sumatera Barat
    "14",  // Riau
    "15",  // Jambi
    "16",  // Sumatera Selatan
    "17",  // Bengkulu
    "18",  // Lampung
    "19",  // Kepulauan Bangka Belitung
    "21",  // Kepulauan Riau
    "31",  // DKI Jakarta
    "32",  // Jawa Barat
    "33",  // Jawa Tengah
    "34",  // DI Yogyakarta
    "35",  // Jawa Timur
    "36",  // Banten
    "51",  // Bali
    "52",  // Nusa Tenggara Barat
    "53",  // Nusa Tenggara Timur
    "61",  // Kalimantan Barat
    "62",  // Kalimantan Tengah
    "63",  // Kalimantan Selatan
    "64",  // Kalimantan Timur
    "65",  // Kalimantan Utara
    "71",  // Sulawesi Utara
    "72",  // Sulawesi Tengah
    "73",  // Sulawesi Selatan
    "74",  // Sulawesi Tenggara
    "75",  // Gorontalo
    "76",  // Sulawesi Barat
    "81",  // Maluku
    "82",  // Maluku Utara
    "91",  // Papua
    "92",  // Papua Barat
    "93",  // Papua Selatan
    "94",  // Papua Tengah
    "95",  // Papua Pegunungan
    "96",  // Papua Barat Daya
};

constexpr std::size_t kNikDigits = 16;
constexpr int kFemaleDayOffset = 40;

Error bad_nik(std::string_view field, Text detail) {
  return field_error(Text{"NIK tidak valid.", "Invalid NIK."}, field, std::move(detail));
}

int two_digits(std::string_view digits, std::size_t at) { return (digits[at] - '0') * 10 + (digits[at + 1] - '0'); }

// ---------------------------------------------------------------------------------------------
// E-mail

constexpr std::size_t kMaxEmail = 254;
constexpr std::size_t kMaxLocalPart = 64;
constexpr std::size_t kMaxLabel = 63;

Error bad_email(std::string_view field, Text detail) {
  return field_error(Text{"Alamat e-mail tidak valid.", "Invalid e-mail address."}, field, std::move(detail));
}

Text email_shape() {
  return Text{"Tulis alamat e-mail lengkap, misalnya nama@contoh.id.",
              "Write the whole e-mail address, e.g. name@example.id."};
}

bool local_part_ok(std::string_view local) {
  constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~";
  if (local.empty() || local.size() > kMaxLocalPart) return false;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
  return std::ranges::all_of(local, [&](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || is_digit(c) || is_lower(c) || is_upper(c) || c == '.' ||
           kSpecials.find(c) != std::string_view::npos;
  });
}

bool label_ok(std::string_view label) {
  if (label.empty() || label.size() > kMaxLabel || label.front() == '-' || label.back() == '-') return false;
  return std::ranges::all_of(label, [](char c) { return is_lower(c) || is_digit(c) || c == '-'; });
}

// Lower-cased domain: at least two labels, the last alphabetic (2+) or an IDNA A-label.
bool domain_ok(std::string_view domain) {
  std::size_t labels = 0;
  std::string_view last;
  while (true) {
    auto dot = domain.find('.');
    auto label = domain.substr(0, dot);
    if (!label_ok(label)) return false;
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  if (labels < 2) return false;
  if (last.starts_with("xn--")) return true;
  return last.size() >= 2 && std::ranges::all_of(last, is_lower);
}

// ---------------------------------------------------------------------------------------------
// Location

constexpr double kEarthRadiusM = 6'371'008.8;  // IUGG mean radius

bool within(double value, double low, double high) { return std::isfinite(value) && value >= low && value <= high; }

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

}  // namespace

Result<std::string> normalize_indonesian_phone(std::string_view typed, std::string_view field) {
  auto text = trim(typed);
  if (text.empty()) return bad_phone(field, Text{"Isi nomor telepon.", "Enter a phone number."});

  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_digit(c)) {
      if (digits.size() == kMaxPhoneDigits) {
        return bad_phone(field, Text{"Nomor telepon terlalu panjang.", "The phone number is too long."});
      }
      digits += c;
    } else if (c == '+' && i == 0) {
      plus = true;
    } else if (c != ' ' && c != '\t' && c != '-' && c != '.' && c != '(' && c != ')') {
      return bad_phone(field, Text{"Nomor telepon hanya boleh berisi angka, spasi, tanda hubung, titik, tanda "
                                   "kurung, dan tanda + di depan.",
                                   "A phone number may only hold digits, spaces, dashes, dots, parentheses and a "
                                   "leading +."});
    }
  }

  const Text foreign{"Hanya nomor telepon Indonesia (+62) yang diterima.",
                     "Only Indonesian phone numbers (+62) are accepted."};
  std::string_view national = digits;
  bool international = true;
  if (plus) {
    if (!national.starts_with(kCountryCode)) return bad_phone(field, foreign);
    national.remove_prefix(kCountryCode.size());
  } else if (national.starts_with("00")) {  // international access prefix
    if (!national.starts_with("0062")) return bad_phone(field, foreign);
    national.remove_prefix(4);
  } else if (national.starts_with('0')) {
    national.remove_prefix(1);
    international = false;
  } else if (national.starts_with(kCountryCode)) {  // WhatsApp and SMS gateways write no '+'
    national.remove_prefix(kCountryCode.size());
  } else {
    return bad_phone(field, Text{"Tulis nomor lengkap, diawali 0 (misalnya 0812...) atau +62.",
                                 "Write the whole number, starting with 0 (e.g. 0812...) or +62."});
  }
  if (international && national.starts_with('0')) national.remove_prefix(1);  // "+62 0812..."

  const Text landline_too_short{"Nomor telepon terlalu pendek: tulis kode area dan nomornya, misalnya (0711) 352 123.",
                                "The phone number is too short: write the area code and the number, e.g. (0711) "
                                "352 123."};
  if (national.empty()) return bad_phone(field, landline_too_short);
  if (national[0] == '0' || national[0] == '1' || national.starts_with("80")) {
    return bad_phone(field, Text{"Nomor layanan khusus (darurat, bebas pulsa) tidak dapat dipakai sebagai kontak; "
                                 "tulis nomor HP atau telepon rumah/kantor.",
                                 "Special numbers (emergency, toll-free) cannot be used as a contact; write a "
                                 "mobile, home or office number."});
  }
  if (national[0] == '8') {
    if (national.size() < kMinMobile) {
      return bad_phone(field, Text{"Nomor HP terlalu pendek: nomor HP Indonesia berisi 10 sampai 13 angka, "
                                   "diawali 08.",
                                   "The mobile number is too short: Indonesian mobile numbers have 10 to 13 "
                                   "digits, starting with 08."});
    }
    if (national.size() > kMaxMobile) {
      return bad_phone(field, Text{"Nomor HP terlalu panjang: nomor HP Indonesia berisi 10 sampai 13 angka, "
                                   "diawali 08.",
                                   "The mobile number is too long: Indonesian mobile numbers have 10 to 13 "
                                   "digits, starting with 08."});
    }
  } else {
    if (national.size() < kMinLandline) return bad_phone(field, landline_too_short);
    if (national.size() > kMaxLandline) {
      return bad_phone(field, Text{"Nomor telepon terlalu panjang: nomor telepon rumah/kantor berisi 9 sampai 12 "
                                   "angka termasuk kode area.",
                                   "The phone number is too long: home and office numbers have 9 to 12 digits "
                                   "including the area code."});
    }
  }
  std::string e164 = "+";
  e164 += kCountryCode;
  e164 += national;
  return e164;
}

Result<NikFacts> check_nik(std::string_view nik, std::chrono::year_month_day today, std::string_view field) {
  std::string digits;
  for (char c : nik) {
    if (is_digit(c)) {
      if (digits.size() > kNikDigits) break;  // already too long; the count below says so
      digits += c;
    } else if (c != ' ' && c != '\t' && c != '.' && c != '-') {
      return bad_nik(field, Text{"NIK hanya berisi angka.", "A NIK holds digits only."});
    }
  }
  if (digits.size() != kNikDigits) {
    return bad_nik(field, Text{"NIK terdiri dari 16 angka.", "A NIK has 16 digits."});
  }
  if (std::ranges::find(kProvinceCodes, std::string_view(digits).substr(0, 2)) == kProvinceCodes.end()) {
    return bad_nik(field, Text{"Dua angka pertama NIK bukan kode provinsi yang ada.",
                               "The first two digits of the NIK are not a province code."});
  }
  if (digits.compare(2, 2, "00") == 0 || digits.compare(4, 2, "00") == 0) {
    return bad_nik(field, Text{"Angka ke-3 sampai ke-6 NIK (kode kabupaten/kota dan kecamatan) tidak boleh 00.",
                               "Digits 3 to 6 of the NIK (regency/city and district codes) cannot be 00."});
  }

  const Text bad_date{
      "Angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang ada (tanggal, bulan, tahun; "
      "tanggal ditambah 40 untuk perempuan).",
      "Digits 7 to 12 of the NIK are not a real birth date (day, month, year; the day plus 40 for "
      "women)."};
  int day = two_digits(digits, 6);
  const bool female = day > kFemaleDayOffset;
  if (female) day -= kFemaleDayOffset;
  const int month = two_digits(digits, 8);
  const int year = two_digits(digits, 10);
  if (day < 1 || day > 31 || month < 1 || month > 12) return bad_nik(field, bad_date);
  auto on = [&](int century) {
    return std::chrono::year{century + year} / std::chrono::month{static_cast<unsigned>(month)} /
           std::chrono::day{static_cast<unsigned>(day)};
  };
  auto birth = on(2000);
  if (!birth.ok() || birth > today) birth = on(1900);
  if (!birth.ok() || birth > today) return bad_nik(field, bad_date);

  if (digits.compare(12, 4, "0000") == 0) {
    return bad_nik(field, Text{"Empat angka terakhir NIK (nomor urut) tidak boleh 0000.",
                               "The last four digits of the NIK (the serial number) cannot be 0000."});
  }

  NikFacts facts;
  facts.region_code = digits.substr(0, 2) + "." + digits.substr(2, 2) + "." + digits.substr(4, 2);
  facts.birth_date = birth;
  facts.female = female;
  facts.digits = std::move(digits);
  return facts;
}

Result<std::string> normalize_email(std::string_view typed, std::string_view field) {
  auto text = trim(typed);
  if (text.empty()) return bad_email(field, Text{"Isi alamat e-mail.", "Enter an e-mail address."});
  if (text.size() > kMaxEmail) {
    return bad_email(field, Text{"Alamat e-mail terlalu panjang (paling banyak 254 karakter).",
                                 "The e-mail address is too long (254 characters at most)."});
  }
  if (std::ranges::any_of(text, [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; })) {
    return bad_email(field, Text{"Alamat e-mail tidak boleh berisi spasi.", "An e-mail address has no spaces."});
  }
  auto at = text.find('@');
  if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return bad_email(field, email_shape());
  }
  auto local = text.substr(0, at);
  std::string domain;
  for (char c : text.substr(at + 1)) domain += lower(c);
  if (!local_part_ok(local)) return bad_email(field, email_shape());
  if (!domain_ok(domain)) {
    return bad_email(field, Text{"Bagian setelah @ harus nama domain, misalnya gmail.com atau palembang.go.id.",
                                 "The part after @ must be a domain name, e.g. gmail.com or palembang.go.id."});
  }
  std::string normalized(local);
  normalized += '@';
  normalized += domain;
  return normalized;
}

Result<master_data::GeoPoint> check_location(double latitude, double longitude, std::optional<double> accuracy_m) {
  const bool latitude_ok = within(latitude, kMinLatitude, kMaxLatitude);
  const bool longitude_ok = within(longitude, kMinLongitude, kMaxLongitude);
  const bool swapped = !latitude_ok && !longitude_ok && within(longitude, kMinLatitude, kMaxLatitude) &&
                       within(latitude, kMinLongitude, kMaxLongitude);
  std::vector<FieldError> fields;
  if (!latitude_ok && swapped) {
    fields.push_back({"latitude", Text{"Lintang dan bujur tampaknya tertukar: lintang antara -11,1 dan 6,1.",
                                       "Latitude and longitude look swapped: latitude is between -11.1 and 6.1."}});
  } else if (!latitude_ok) {
    fields.push_back({"latitude", Text{"Lintang harus di wilayah Indonesia: antara -11,1 dan 6,1 derajat.",
                                       "Latitude must be within Indonesia: between -11.1 and 6.1 degrees."}});
  }
  if (!longitude_ok && swapped) {
    fields.push_back({"longitude", Text{"Lintang dan bujur tampaknya tertukar: bujur antara 94,9 dan 141,1.",
                                        "Latitude and longitude look swapped: longitude is between 94.9 and 141.1."}});
  } else if (!longitude_ok) {
    fields.push_back({"longitude", Text{"Bujur harus di wilayah Indonesia: antara 94,9 dan 141,1 derajat.",
                                        "Longitude must be within Indonesia: between 94.9 and 141.1 degrees."}});
  }
  if (accuracy_m && !within(*accuracy_m, 0, kMaxAccuracyM)) {
    fields.push_back({"accuracy_m", Text{"Akurasi lokasi harus antara 0 dan 10.000 meter.",
                                         "Location accuracy must be between 0 and 10,000 metres."}});
  }
  if (!fields.empty()) {
    return Error(
        ErrorCode::validation,
        Text{"Lokasi tidak valid atau di luar wilayah Indonesia.", "The location is invalid or outside Indonesia."},
        std::move(fields));
  }
  return master_data::GeoPoint{latitude, longitude};
}

double distance_m(master_data::GeoPoint a, master_data::GeoPoint b) {
  double dlat = radians(b.latitude - a.latitude);
  double dlon = radians(b.longitude - a.longitude);
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(radians(a.latitude)) * std::cos(radians(b.latitude)) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusM * std::asin(std::sqrt(std::clamp(h, 0.0, 1.0)));
}

}  // namespace sigap::domain::complaints
