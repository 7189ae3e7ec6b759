#include "domain/integration/url_policy.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <arpa/inet.h>
#include <fmt/format.h>

namespace sigap::domain::integration {

namespace {

constexpr std::size_t kMaxUrl = 2000;

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

Error url_problem(std::string_view field, Text message) {
  return Error(ErrorCode::validation, Text{"Alamat webhook tidak dapat dipakai.", "The webhook URL cannot be used."},
               {FieldError{std::string(field), std::move(message)}});
}

// Whether the first `prefix` bits of `a` and `b` agree.
bool same_prefix(const IpAddress& a, const IpAddress& b, int prefix) {
  for (int i = 0; i < prefix; ++i) {
    const int byte = i / 8;
    const int bit = 7 - i % 8;
    if (((a.bytes[byte] >> bit) & 1) != ((b.bytes[byte] >> bit) & 1)) return false;
  }
  return true;
}

bool in_block(const IpAddress& address, std::string_view base, int prefix) {
  auto block = parse_ip(base);
  return block && block->v4 == address.v4 && same_prefix(address, *block, prefix);
}

bool is_public_v4(const IpAddress& a) {
  static constexpr std::pair<std::string_view, int> kNotPublic[] = {
      {"0.0.0.0", 8},       {"10.0.0.0", 8},     {"100.64.0.0", 10}, {"127.0.0.0", 8},    {"169.254.0.0", 16},
      {"172.16.0.0", 12},   {"192.0.0.0", 24},   {"192.0.2.0", 24},  {"192.168.0.0", 16}, {"198.18.0.0", 15},
      {"198.51.100.0", 24}, {"203.0.113.0", 24}, {"224.0.0.0", 4},   {"240.0.0.0", 4},
  };
  return std::none_of(std::begin(kNotPublic), std::end(kNotPublic),
                      [&](const auto& block) { return in_block(a, block.first, block.second); });
}

IpAddress embedded_v4(const IpAddress& a, std::size_t offset) {
  IpAddress v4;
  v4.v4 = true;
  std::copy_n(a.bytes.begin() + static_cast<std::ptrdiff_t>(offset), 4, v4.bytes.begin());
  return v4;
}

bool valid_host_name(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t label = 0;
  for (char c : host) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    if (++label > 63) return false;
  }
  if (label == 0) return false;
  // A last label of digits only (or hex, "0x7f") is an address in disguise ("2130706433" is
  // 127.0.0.1 to the resolver); no top-level domain looks like that.
  auto last = host.substr(host.rfind('.') == std::string_view::npos ? 0 : host.rfind('.') + 1);
  if (std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  if (last.starts_with("0x")) return false;
  return true;
}

}  // namespace

std::optional<IpAddress> parse_ip(std::string_view text) {
  if (text.empty() || text.size() > 45) return std::nullopt;
  std::string copy(text);
  IpAddress address;
  if (copy.find(':') == std::string::npos) {
    in_addr v4{};
    if (inet_pton(AF_INET, copy.c_str(), &v4) != 1) return std::nullopt;
    std::memcpy(address.bytes.data(), &v4, 4);
    address.v4 = true;
    return address;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, copy.c_str(), &v6) != 1) return std::nullopt;
  std::memcpy(address.bytes.data(), &v6, 16);
  address.v4 = false;
  return address;
}

std::string to_string(const IpAddress& address) {
  char buffer[INET6_ADDRSTRLEN] = {};
  inet_ntop(address.v4 ? AF_INET : AF_INET6, address.bytes.data(), buffer, sizeof buffer);
  return buffer;
}

bool is_public_address(const IpAddress& a) {
  if (a.v4) return is_public_v4(a);
  // IPv4-mapped ::ffff:0:0/96 and the NAT64 well-known prefix 64:ff9b::/96 carry an IPv4 address.
  if (in_block(a, "::ffff:0:0", 96)) return is_public_v4(embedded_v4(a, 12));
  if (in_block(a, "64:ff9b::", 96)) return is_public_v4(embedded_v4(a, 12));
  if (in_block(a, "2002::", 16)) return is_public_v4(embedded_v4(a, 2));  // 6to4
  static constexpr std::pair<std::string_view, int> kNotPublic[] = {
      {"::", 96},           // unspecified, loopback, IPv4-compatible (deprecated)
      {"64:ff9b:1::", 48},  // local-use NAT64
      {"100::", 64},        // discard
      {"2001::", 32},       // Teredo (carries an obfuscated IPv4 address)
      {"2001:db8::", 32},   // documentation
      {"fc00::", 7},        // unique local, fd00::/8 among them
      {"fe80::", 10},       // link-local
      {"fec0::", 10},       // site-local (deprecated)
      {"ff00::", 8},        // multicast
  };
  return std::none_of(std::begin(kNotPublic), std::end(kNotPublic),
                      [&](const auto& block) { return in_block(a, block.first, block.second); });
}

Result<AllowList> AllowList::parse(std::string_view text, std::string_view field) {
  AllowList list;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find_first_of(", \t", start);
    if (end == std::string_view::npos) end = text.size();
    auto entry = lower(text.substr(start, end - start));
    start = end + 1;
    if (entry.empty()) continue;
    auto bad = [&] {
      return Error(ErrorCode::validation, Text{"Daftar host tidak valid.", "Invalid host list."},
                   {FieldError{std::string(field),
                               Text{fmt::format("\"{}\" bukan nama host, alamat IP, atau blok CIDR.", entry),
                                    fmt::format("\"{}\" is not a host name, an IP address or a CIDR block.", entry)}}});
    };
    if (auto slash = entry.find('/'); slash != std::string::npos) {
      auto base = parse_ip(entry.substr(0, slash));
      int prefix = -1;
      auto digits = std::string_view(entry).substr(slash + 1);
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
      if (!base || ec != std::errc() || ptr != digits.data() + digits.size() || prefix < 0 ||
          prefix > (base->v4 ? 32 : 128)) {
        return bad();
      }
      list.blocks_.push_back({*base, prefix});
    } else if (auto address = parse_ip(entry)) {
      list.blocks_.push_back({*address, address->v4 ? 32 : 128});
    } else if (valid_host_name(entry) || entry == "localhost") {
      list.names_.push_back(entry);
    } else {
      return bad();
    }
  }
  return list;
}

bool AllowList::allows_host(std::string_view host) const {
  auto name = lower(host);
  if (std::find(names_.begin(), names_.end(), name) != names_.end()) return true;
  auto literal = parse_ip(name);
  return literal && allows_address(*literal);
}

bool AllowList::allows_address(const IpAddress& address) const {
  return std::any_of(blocks_.begin(), blocks_.end(), [&](const Block& block) {
    return block.base.v4 == address.v4 && same_prefix(address, block.base, block.prefix);
  });
}

Result<WebhookUrl> check_webhook_url(std::string_view text, const AllowList& allow, std::string_view field) {
  WebhookUrl url;
  text = trim(text);
  url.text = std::string(text);
  if (text.empty()) return url_problem(field, Text{"Isi alamat webhook.", "Give the webhook URL."});
  if (text.size() > kMaxUrl) {
    return url_problem(field, Text{"Alamat terlalu panjang (paling banyak 2.000 karakter).",
                                   "The URL is too long (2,000 characters at most)."});
  }
  if (std::any_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '\\'; })) {
    return url_problem(field, Text{"Alamat berisi spasi atau karakter yang tidak sah.",
                                   "The URL holds spaces or characters that are not allowed."});
  }
  auto scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) {
    return url_problem(field, Text{"Tulis alamat lengkap, misalnya https://contoh.go.id/webhook.",
                                   "Write an absolute URL, e.g. https://example.go.id/webhook."});
  }
  url.scheme = lower(text.substr(0, scheme_end));
  if (url.scheme != "https" && url.scheme != "http") {
    return url_problem(field, Text{"Hanya https (atau http untuk host yang diizinkan operator).",
                                   "Only https (or http for hosts the operator allows)."});
  }
  if (text.find('#') != std::string_view::npos) {
    return url_problem(field, Text{"Alamat tidak boleh memuat fragmen (#).", "The URL must not carry a fragment (#)."});
  }
  auto rest = text.substr(scheme_end + 3);
  auto authority = rest.substr(0, rest.find_first_of("/?"));
  if (authority.find('@') != std::string_view::npos) {
    return url_problem(field, Text{"Jangan menaruh nama pengguna atau kata sandi di alamat; rahasia webhook "
                                   "sudah menandatangani setiap kiriman.",
                                   "Do not put a user name or password in the URL; the webhook secret signs "
                                   "every delivery."});
  }
  std::string_view host;
  std::string_view port_text;
  if (authority.starts_with('[')) {
    auto close = authority.find(']');
    if (close == std::string_view::npos) {
      return url_problem(field, Text{"Alamat IPv6 tidak ditutup dengan ].", "The IPv6 address lacks its ]."});
    }
    host = authority.substr(1, close - 1);
    auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return url_problem(field, Text{"Port tidak valid.", "Invalid port."});
      port_text = after.substr(1);
    }
    auto literal = parse_ip(host);
    if (!literal || literal->v4) {
      return url_problem(field, Text{"Alamat IPv6 tidak valid.", "Invalid IPv6 address."});
    }
    url.literal = literal;
  } else {
    auto colon = authority.find(':');
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  url.host = lower(host);
  if (!url.literal) {
    while (url.host.ends_with('.')) url.host.pop_back();
    url.literal = parse_ip(url.host);
    if (url.literal && !url.literal->v4) {
      return url_problem(field, Text{"Tulis alamat IPv6 dalam kurung siku.", "Write an IPv6 address in brackets."});
    }
  }
  if (url.host.empty()) return url_problem(field, Text{"Alamat tidak memuat host.", "The URL has no host."});
  if (!url.literal && !valid_host_name(url.host) && !allow.allows_host(url.host)) {
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
  const bool allowed = allow.allows_host(url.host);
  if (url.scheme == "http" && !allowed) {
    return url_problem(field,
                       Text{"Gunakan https. http hanya untuk host yang diizinkan operator (webhook_allow_hosts).",
                            "Use https. http is only for hosts the operator allows (webhook_allow_hosts)."});
  }
  if (!allowed && (url.host == "localhost" || url.host.ends_with(".localhost"))) {
    return url_problem(field,
                       Text{"Alamat ini menunjuk ke server itu sendiri.", "This URL points at the server itself."});
  }
  if (url.literal && !allowed && !is_public_address(*url.literal)) {
    return url_problem(field, Text{"Alamat IP ini tidak boleh dituju (jaringan privat, loopback, link-local, atau "
                                   "metadata cloud).",
                                   "This IP address may not be reached (private network, loopback, link-local or "
                                   "cloud metadata)."});
  }
  return url;
}

Result<void> check_resolved(const WebhookUrl& url, const std::vector<IpAddress>& addresses, const AllowList& allow) {
  if (addresses.empty()) {
    return Error(ErrorCode::unavailable, Text{"Host tidak ditemukan.", "The host was not found."});
  }
  const bool host_allowed = allow.allows_host(url.host);
  for (const auto& address : addresses) {
    if (host_allowed || allow.allows_address(address) || is_public_address(address)) continue;
    return Error(ErrorCode::forbidden, Text{"Host mengarah ke alamat yang tidak boleh dituju.",
                                            "The host resolves to an address that may not "
                                            "be reached."})
        .with_log_detail("refused address " + to_string(address));
  }
  return {};
}

}  // namespace sigap::domain::integration
