#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::domain::integration {

/// An IPv4 or IPv6 address as bytes (IPv4 in the first four).
struct IpAddress {
  std::array<std::uint8_t, 16> bytes{};
  bool v4 = true;
  bool operator==(const IpAddress&) const = default;
};

/// "10.0.0.1", "::1", "fd00::1" (no brackets, no zone); nullopt for anything else.
std::optional<IpAddress> parse_ip(std::string_view text);
std::string to_string(const IpAddress& address);

/// Whether a webhook may reach `address` without being allow-listed: false for "this network"
/// (0.0.0.0/8, ::), loopback (127/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7, which
/// holds fd00::/8), link-local (169.254/16 with the cloud metadata address 169.254.169.254,
/// fe80::/10), carrier-grade NAT (100.64/10), IETF protocol assignments (192.0.0/24), benchmarking
/// (198.18/15), multicast, reserved and broadcast. IPv4-mapped (::ffff:a.b.c.d) and NAT64
/// (64:ff9b::a.b.c.d) addresses are judged by the IPv4 address they carry.
bool is_public_address(const IpAddress& address);

/// The operator's exceptions (config key webhook_allow_hosts): host names (exact, any case), IP
/// addresses and CIDR blocks ("10.20.0.0/16", "fd12::/16"), separated by commas or spaces. A
/// webhook to a host named here, or to an address inside an entry, may use http and may reach a
/// private address. Immutable; thread-safe.
class AllowList {
 public:
  AllowList() = default;
  /// A validation error on `field` names the first entry that is neither a name nor an address.
  static Result<AllowList> parse(std::string_view text, std::string_view field);

  /// `host`: lower-case name or IP literal (no brackets).
  [[nodiscard]] bool allows_host(std::string_view host) const;
  [[nodiscard]] bool allows_address(const IpAddress& address) const;
  [[nodiscard]] bool empty() const { return names_.empty() && blocks_.empty(); }

 private:
  struct Block {
    IpAddress base;
    int prefix = 0;
  };
  std::vector<std::string> names_;
  std::vector<Block> blocks_;
};

/// A webhook target, taken apart.
struct WebhookUrl {
  std::string text;    // as given (trimmed)
  std::string scheme;  // "https" or "http"
  std::string host;    // lower case; an IPv6 literal without brackets
  std::uint16_t port = 0;
  std::optional<IpAddress> literal;  // when the host is an IP address
};

/// Checks a subscription's URL: absolute http(s) with a host, no user name or password in it, no
/// fragment, at most 2,000 characters; https unless the host is allow-listed; an IP literal must
/// be public unless allow-listed; "localhost" and names under ".localhost" are refused. Names
/// are resolved and checked when delivering (check_resolved). Errors are validation errors on
/// `field`.
Result<WebhookUrl> check_webhook_url(std::string_view text, const AllowList& allow, std::string_view field);

/// At delivery time, after resolving `url.host`: every address must be public, unless the host
/// or that address is allow-listed (a name may resolve to a private address only when the
/// operator said so). `forbidden` with the first address refused (no host name in the message).
Result<void> check_resolved(const WebhookUrl& url, const std::vector<IpAddress>& addresses, const AllowList& allow);

}  // namespace sigap::domain::integration
