#include "channels/open311/service_request_form.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "domain/complaints/intake.hpp"

namespace sigap::channels::open311 {

namespace {

using Problems = std::vector<FieldError>;

// The plain arguments, each taken at most once.
constexpr std::array<std::string_view, 15> kArguments{
    "api_key", "jurisdiction_id", "service_code", "lat",         "long",       "address_string", "address_id",
    "email",   "device_id",       "account_id",   "first_name", "last_name", "phone",          "description",
    "media_url"};

std::string* field_for(ServiceRequestForm& form, std::string_view name, std::string& lat, std::string& lon) {
  if (name == "api_key") return &form.api_key;
  if (name == "jurisdiction_id") return &form.jurisdiction_id;
  if (name == "service_code") return &form.service_code;
  if (name == "lat") return &lat;
  if (name == "long") return &lon;
  if (name == "address_string") return &form.address_string;
  if (name == "address_id") return &form.address_id;
  if (name == "email") return &form.email;
  if (name == "device_id") return &form.device_id;
  if (name == "account_id") return &form.account_id;
  if (name == "first_name") return &form.first_name;
  if (name == "last_name") return &form.last_name;
  if (name == "phone") return &form.phone;
  if (name == "description") return &form.description;
  if (name == "media_url") return &form.media_url;
  return nullptr;
}

// "attribute[code]" -> code, "attribute[code][]" -> code; nullopt for any other shape.
std::optional<std::string> attribute_code(std::string_view key) {
  constexpr std::string_view kPrefix = "attribute[";
  if (!key.starts_with(kPrefix)) return std::nullopt;
  key.remove_prefix(kPrefix.size());
  if (key.ends_with("][]")) {
    key.remove_suffix(3);
  } else if (key.ends_with(']')) {
    key.remove_suffix(1);
  } else {
    return std::nullopt;
  }
  if (key.empty() || key.find_first_of("[]") != std::string_view::npos) return std::nullopt;
  return std::string(key);
}

std::optional<double> decimal(std::string_view text) {
  if (text.empty() || text.size() > 32) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool http_url(std::string_view url) {
  if (!url.starts_with("https://") && !url.starts_with("http://")) return false;
  auto host = url.substr(url.find("//") + 2);
  if (host.empty() || host.front() == '/') return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7f;
  });
}

}  // namespace

Result<ServiceRequestForm> read_service_request_form(const FormPairs& pairs) {
  ServiceRequestForm form;
  Problems problems;
  std::string lat_text, lon_text;
  std::vector<std::string_view> seen;
  for (const auto& [name, value] : pairs) {
    if (name.starts_with("attribute")) {
      auto code = attribute_code(name);
      if (!code) {
        problems.push_back({name, Text{"Tulis atribut sebagai attribute[kode] atau attribute[kode][].",
                                       "Write attributes as attribute[code] or attribute[code][]."}});
        continue;
      }
      auto existing = std::find_if(form.attributes.begin(), form.attributes.end(),
                                   [&](const domain::complaints::GivenAttribute& a) { return a.code == *code; });
      if (existing == form.attributes.end()) {
        form.attributes.push_back({*code, {value}});
      } else {
        existing->values.push_back(value);
      }
      continue;
    }
    auto* target = field_for(form, name, lat_text, lon_text);
    if (!target) {
      problems.push_back({name, Text{"Argumen tidak dikenal.", "Unknown argument."}});
      continue;
    }
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      problems.push_back({name, Text{"Diberikan lebih dari sekali.", "Given more than once."}});
      continue;
    }
    seen.emplace_back(*std::find(kArguments.begin(), kArguments.end(), name));
    *target = value;
  }

  if (form.service_code.empty()) {
    problems.push_back({"service_code", Text{"Wajib diisi: kode layanan dari GET services.",
                                             "Required: a service_code from GET services."}});
  }
  if (!lat_text.empty()) {
    form.lat = decimal(lat_text);
    if (!form.lat) problems.push_back({"lat", Text{"Bukan angka desimal.", "Not a decimal number."}});
  }
  if (!lon_text.empty()) {
    form.lon = decimal(lon_text);
    if (!form.lon) problems.push_back({"long", Text{"Bukan angka desimal.", "Not a decimal number."}});
  }
  if (lat_text.empty() != lon_text.empty()) {
    problems.push_back({lat_text.empty() ? "lat" : "long",
                        Text{"lat dan long dikirim bersama.", "lat and long are sent together."}});
  }
  if (lat_text.empty() && lon_text.empty() && form.address_string.empty() && form.address_id.empty()) {
    problems.push_back({"lat", Text{"Lokasi wajib: lat dan long, address_string, atau address_id.",
                                    "A location is required: lat and long, address_string or address_id."}});
  }
  if (auto length = domain::complaints::utf8_length(form.description); length && *length > kMaxDescription) {
    problems.push_back({"description", Text{"Paling banyak 4000 karakter.", "At most 4000 characters."}});
  }
  if (!form.media_url.empty() && (form.media_url.size() > kMaxMediaUrl || !http_url(form.media_url))) {
    problems.push_back({"media_url", Text{"Isi dengan URL http(s) lengkap, paling panjang 2000 karakter.",
                                          "Give an absolute http(s) URL of at most 2000 characters."}});
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation,
                 Text{"Permintaan layanan tidak lengkap atau tidak valid.", "The service request is incomplete or invalid."},
                 std::move(problems));
  }
  return form;
}

}  // namespace sigap::channels::open311
