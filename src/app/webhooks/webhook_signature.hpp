#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sigap::app::webhooks {

/// How long a receiver should accept a signature after its timestamp (and before it, for clock
/// skew): 5 minutes. An older delivery is a replay (docs/integration.md).
inline constexpr std::int64_t kSignatureToleranceSeconds = 300;

/// The `Sigap-Signature` header of a delivery signed at `unix_seconds`:
///   "t=<unix_seconds>,v1=<hex HMAC-SHA256(secret, "<unix_seconds>.<body>")>".
std::string signature_header(std::string_view secret, std::int64_t unix_seconds, std::string_view body);

/// What a receiver does with the header (used by tests, documented for integrators): true when
/// it is well-formed, some v1 matches the body under `secret` (compared in constant time), and
/// its t is within `tolerance_seconds` of `now_unix`.
bool verify_signature(std::string_view header, std::string_view secret, std::string_view body, std::int64_t now_unix,
                      std::int64_t tolerance_seconds = kSignatureToleranceSeconds);

}  // namespace sigap::app::webhooks
