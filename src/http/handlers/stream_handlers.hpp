#pragma once

#include <string>
#include <vector>

#include "app/stream/stream_hub.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// GET /api/v1/stream (docs/command-center.md, "Live stream"): everything that can be refused
/// is refused here, as problem+json before the upgrade — not a WebSocket handshake (426), a
/// cross-site handshake carrying the session cookie (403), a scope outside the caller's reach
/// (403), a bad `after` (422). Otherwise a 101 carrying the subscription (Response::upgrade);
/// the server upgrades the connection and serves it (http/stream_session). Thread-safe.
class StreamHandlers {
 public:
  /// `allowed_origins`: origins besides the server's own (the Host it was reached at) whose
  /// pages may open the stream with the session cookie, e.g. the public_url's
  /// ("https://sigap.palembang.go.id").
  StreamHandlers(app::stream::StreamHub& hub, std::vector<std::string> allowed_origins)
      : hub_(hub), allowed_origins_(std::move(allowed_origins)) {}

  Response open(const Request& request);

 private:
  [[nodiscard]] bool origin_allowed(const Request& request) const;

  app::stream::StreamHub& hub_;
  std::vector<std::string> allowed_origins_;
};

/// "https://sigap.example" of "https://sigap.example/path": scheme and authority in lower
/// case, as browsers send Origin; empty for anything else.
std::string origin_of(std::string_view url);

}  // namespace sigap::http::handlers
