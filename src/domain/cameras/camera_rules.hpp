#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/cameras/camera.hpp"
#include "domain/integration/url_policy.hpp"

namespace sigap::domain::cameras {

inline constexpr std::size_t kMaxCameraName = 100;      // characters
inline constexpr std::size_t kMaxCameraLocation = 200;  // characters
inline constexpr std::size_t kMaxCredential = 200;      // bytes of a user name or a password

/// A camera's snapshot URL, taken apart.
struct CameraUrl {
  std::string text;    // as given (trimmed)
  std::string scheme;  // "http" or "https"
  std::string host;    // lower case; an IPv6 literal without brackets
  std::uint16_t port = 0;
  std::optional<integration::IpAddress> literal;
};

/// Which addresses a camera probe may reach. Cameras live on the office network, so private
/// addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) and public ones are allowed.
/// Never, even when allow-listed: link-local (169.254/16, which holds the cloud metadata address
/// 169.254.169.254, and fe80::/10), the other metadata addresses (100.100.100.200, fd00:ec2::254),
/// "this network" (0/8, ::), multicast, and 240/4 with the broadcast address. Loopback (127/8,
/// ::1, "localhost") only when the operator allow-lists it (camera_allow_hosts; the tests do).
/// IPv4-mapped and NAT64 addresses are judged by the IPv4 address they carry.
bool camera_may_reach(const integration::IpAddress& address, const integration::AllowList& allow);

/// Checks a snapshot URL: absolute http or https with a host, no user name or password in it
/// (they go in the credential fields, which are sealed), no fragment, at most 2,000
/// characters, and an IP literal the policy above allows. A host name is resolved and its
/// addresses checked at each probe (check_camera_addresses). Errors are validation on `field`.
Result<CameraUrl> check_camera_url(std::string_view text, const integration::AllowList& allow, std::string_view field);

/// At probe time: every address the host resolved to must be allowed (a name allow-listed by
/// the operator may resolve to loopback, never to a link-local or metadata address).
/// `unavailable` when there is none, `forbidden` naming the refused address in the log detail.
Result<void> check_camera_addresses(const CameraUrl& url, const std::vector<integration::IpAddress>& addresses,
                                    const integration::AllowList& allow);

/// The rules a camera keeps on its own: a unit code, a name of 1..kMaxCameraName characters,
/// a location of at most kMaxCameraLocation, a position within Indonesia when given, and
/// credentials of printable characters (a user name without ':') of at most kMaxCredential bytes.
/// Trims name and location in place. Every problem at once, on the API's field names.
std::vector<FieldError> check_camera(Camera& camera);

}  // namespace sigap::domain::cameras
