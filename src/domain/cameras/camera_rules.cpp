#include "domain/cameras/camera_rules.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "domain/complaints/contact.hpp"
#include "domain/complaints/intake.hpp"

namespace sigap::domain::cameras {

namespace di = domain::integration;

namespace {

constexpr std::size_t kMaxUrl = 2000;

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::string trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

Error url_problem(std::string_view field, Text message) {
  return Error(ErrorCode::validation, Text{"Alamat kamera tidak dapat dipakai.", "The camera URL cannot be used."},
               {FieldError{std::string(field), std::move(message)}});
}

bool in_block(const di::IpAddress& address, std::string_view base, int prefix) {
  auto block = di::parse_ip(base);
  if (!block || block->v4 != address.v4) return false;
  for (int i = 0; i < prefix; ++i) {
    const auto byte = static_cast<std::size_t>(i / 8);
    const int bit = 7 - i % 8;
    if (((address.bytes[byte] >> bit) & 1) != ((block->bytes[byte] >> bit) & 1)) return false;
  }
  return true;
}

di::IpAddress embedded_v4(const di::IpAddress& address) {
  di::IpAddress v4;
  v4.v4 = true;
  std::copy_n(address.bytes.begin() + 12, 4, v4.bytes.begin());
  return v4;
}

// Never reachable, allow-listed or not.
bool never(const di::IpAddress& a) {
  if (a.v4) {
    return in_block(a, "0.0.0.0", 8) || in_block(a, "169.254.0.0", 16) || in_block(a, "100.100.100.200", 32) ||
           in_block(a, "224.0.0.0", 4) || in_block(a, "240.0.0.0", 4);
  }
  return in_block(a, "::", 128) || in_block(a, "fe80::", 10) || in_block(a, "fd00:ec2::254", 128) ||
         in_block(a, "ff00::", 8);
}

// IPv4-mapped and NAT64 addresses stand for the IPv4 address they carry.
di::IpAddress judged_as(const di::IpAddress& address) {
  if (!address.v4 && (in_block(address, "::ffff:0:0", 96) || in_block(address, "64:ff9b::", 96))) {
    return embedded_v4(address);
  }
  return address;
}

bool loopback(const di::IpAddress& a) { return a.v4 ? in_block(a, "127.0.0.0", 8) : in_block(a, "::1", 128); }

bool printable(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f; });
}

}  // namespace

bool camera_may_reach(const di::IpAddress& address, const di::AllowList& allow) {
  auto judged = judged_as(address);
  if (never(judged)) return false;
  if (loopback(judged)) return allow.allows_address(judged) || allow.allows_address(address);
  return true;
}

Result<CameraUrl> check_camera_url(std::string_view text, const di::AllowList& allow, std::string_view field) {
  CameraUrl url;
  url.text = trimmed(text);
  std::string_view rest = url.text;
  if (rest.empty()) return url_problem(field, Text{"Isi alamat gambar kamera.", "Give the camera's snapshot URL."});
  if (rest.size() > kMaxUrl) {
    return url_problem(field, Text{"Alamat terlalu panjang (paling banyak 2.000 karakter).",
                                   "The URL is too long (2,000 characters at most)."});
  }
  if (std::any_of(rest.begin(), rest.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '\\'; })) {
    return url_problem(field, Text{"Alamat berisi spasi atau karakter yang tidak sah.",
                                   "The URL holds spaces or characters that are not allowed."});
  }
  auto scheme_end = rest.find("://");
  if (scheme_end == std::string_view::npos) {
    return url_problem(field, Text{"Tulis alamat lengkap, misalnya http://10.20.1.15/snapshot.jpg.",
                                   "Write an absolute URL, e.g. http://10.20.1.15/snapshot.jpg."});
  }
  url.scheme = lower(rest.substr(0, scheme_end));
  if (url.scheme != "http" && url.scheme != "https") {
    return url_problem(field, Text{"Hanya http atau https.", "Only http or https."});
  }
  if (rest.find('#') != std::string_view::npos) {
    return url_problem(field, Text{"Alamat tidak boleh memuat fragmen (#).", "The URL must not carry a fragment (#)."});
  }
  rest.remove_prefix(scheme_end + 3);
  auto authority = rest.substr(0, rest.find_first_of("/?"));
  if (authority.find('@') != std::string_view::npos) {
    return url_problem(field, Text{"Jangan menaruh nama pengguna atau kata sandi di alamat; isi kolom username dan "
                                   "password, yang disimpan terenkripsi.",
                                   "Do not put a user name or password in the URL; use the username and password "
                                   "fields, which are stored encrypted."});
  }
  std::string_view host;
  std::string_view port_text;
  if (authority.starts_with('[')) {
    auto close = authority.find(']');
    if (close == std::string_view::npos)
      return url_problem(field, Text{"Alamat IPv6 tidak ditutup dengan ].", "The IPv6 address lacks its ]."});
    host = authority.substr(1, close - 1);
    auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return url_problem(field, Text{"Port tidak valid.", "Invalid port."});
      port_text = after.substr(1);
    }
    url.literal = di::parse_ip(host);
    if (!url.literal || url.literal->v4)
      return url_problem(field, Text{"Alamat IPv6 tidak valid.", "Invalid IPv6 address."});
  } else {
    auto colon = authority.find(':');
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  url.host = lower(host);
  if (!url.literal) {
    while (url.host.ends_with('.')) url.host.pop_back();
    url.literal = di::parse_ip(url.host);
  }
  if (url.host.empty()) return url_problem(field, Text{"Alamat tidak memuat host.", "The URL has no host."});
  if (!url.literal && !std::all_of(url.host.begin(), url.host.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
      })) {
    return url_problem(field, Text{"Nama host tidak valid.", "Invalid host name."});
  }
  url.port = url.scheme == "https" ? 443 : 80;
  if (!port_text.empty()) {
    unsigned port = 0;
    auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port == 0 || port > 65535) {
      return url_problem(field, Text{"Port tidak valid (1-65535).", "Invalid port (1-65535)."});
    }
    url.port = static_cast<std::uint16_t>(port);
  }
  const bool host_allowed = allow.allows_host(url.host);
  if (!host_allowed && (url.host == "localhost" || url.host.ends_with(".localhost"))) {
    return url_problem(field,
                       Text{"Alamat ini menunjuk ke server itu sendiri.", "This URL points at the server itself."});
  }
  if (url.literal && !camera_may_reach(*url.literal, allow)) {
    return url_problem(field, Text{"Alamat IP ini tidak boleh dituju (link-local, metadata cloud, loopback, atau "
                                   "multicast).",
                                   "This IP address may not be reached (link-local, cloud metadata, loopback or "
                                   "multicast)."});
  }
  return url;
}

Result<void> check_camera_addresses(const CameraUrl& url, const std::vector<di::IpAddress>& addresses,
                                    const di::AllowList& allow) {
  if (addresses.empty()) return Error(ErrorCode::unavailable, Text{"Host tidak ditemukan.", "The host was not found."});
  const bool host_allowed = allow.allows_host(url.host);
  for (const auto& address : addresses) {
    if (camera_may_reach(address, allow)) continue;
    // A name the operator allow-listed may resolve to loopback; never to what never() refuses.
    if (host_allowed && !never(judged_as(address))) continue;
    return Error(ErrorCode::forbidden, Text{"Host kamera mengarah ke alamat yang tidak boleh dituju.",
                                            "The camera's host resolves to an address that may not be reached."})
        .with_log_detail("refused address " + di::to_string(address));
  }
  return {};
}

std::vector<FieldError> check_camera(Camera& camera) {
  std::vector<FieldError> problems;
  if (camera.unit_code.empty()) {
    problems.push_back({"unit_code", Text{"Pilih unit pemilik kamera.", "Choose the unit the camera belongs to."}});
  }
  camera.name = trimmed(camera.name);
  auto name_length = complaints::utf8_length(camera.name);
  if (!name_length || !printable(camera.name)) {
    problems.push_back({"name", Text{"Nama berisi karakter yang tidak sah.", "The name holds invalid characters."}});
  } else if (*name_length == 0 || *name_length > kMaxCameraName) {
    problems.push_back({"name", Text{fmt::format("Nama 1 sampai {} karakter.", kMaxCameraName),
                                     fmt::format("The name takes 1 to {} characters.", kMaxCameraName)}});
  }
  camera.location = trimmed(camera.location);
  auto location_length = complaints::utf8_length(camera.location);
  if (!location_length || !printable(camera.location) || *location_length > kMaxCameraLocation) {
    problems.push_back(
        {"location", Text{fmt::format("Lokasi paling banyak {} karakter, tanpa karakter kendali.", kMaxCameraLocation),
                          fmt::format("The location takes at most {} characters, without control "
                                      "characters.",
                                      kMaxCameraLocation)}});
  }
  if (camera.position) {
    auto checked = complaints::check_location(camera.position->latitude, camera.position->longitude, std::nullopt);
    if (!checked) {
      for (const auto& field : checked.error().fields()) problems.push_back(field);
    }
  }
  if (camera.username.size() > kMaxCredential || !printable(camera.username) ||
      camera.username.find(':') != std::string::npos) {
    problems.push_back({"username", Text{"Nama pengguna paling banyak 200 karakter, tanpa ':' dan karakter kendali.",
                                         "The user name takes at most 200 characters, without ':' or control "
                                         "characters."}});
  }
  if (camera.password.size() > kMaxCredential || !printable(camera.password)) {
    problems.push_back({"password", Text{"Kata sandi paling banyak 200 karakter, tanpa karakter kendali.",
                                         "The password takes at most 200 characters, without control characters."}});
  }
  return problems;
}

}  // namespace sigap::domain::cameras
