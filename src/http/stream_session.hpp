#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include "http/pch.hpp"
#include "http/stream_grant.hpp"
#include "http/stream_session_options.hpp"

namespace sigap::http {

/// Serves one upgraded connection of GET /api/v1/stream (docs/command-center.md, "Live
/// stream"): completes the WebSocket handshake for `request`, sends the hello, the backfill of a
/// resuming client (read on `workers`: it blocks on the database), then the subscription's
/// queue as it fills; a resync is sent last and the connection closed. Frames from the client
/// are read and ignored (one at most 4 KiB). Runs on the connection's strand; one write in
/// flight. `on_stop` is set to what the server calls (on that strand) to stop gracefully: a
/// close frame "going away"; `stopping` is the server's flag. Returns when the connection is
/// closed.
/// `stream`, `request` and `grant` are moved from before the first suspension (references, not
/// values: GCC 12 destroys a by-value class parameter of a co_awaited coroutine twice).
boost::asio::awaitable<void> serve_stream(boost::beast::tcp_stream& stream,
                                          boost::beast::http::request<boost::beast::http::string_body>& request,
                                          std::shared_ptr<StreamGrant>& grant, boost::asio::thread_pool& workers,
                                          const StreamSessionOptions& options, std::function<void()>& on_stop,
                                          const std::atomic<bool>& stopping);

}  // namespace sigap::http
