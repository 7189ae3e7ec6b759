#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/error.hpp"
#include "http/dispatcher.hpp"
#include "http/metrics.hpp"
#include "http/stream_session_options.hpp"

namespace sigap::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;                    // 0: any free port (see Server::port)
  std::size_t io_threads = 0;                   // 0: one per core
  std::size_t worker_threads = 0;               // handlers (they block on the database); 0: 4 per core
  std::size_t writer_threads = 0;               // handlers of writes; 0: 32 per core
  std::size_t header_limit = 16 * 1024;         // bytes of request line + headers
  std::chrono::seconds read_timeout{30};        // to receive one whole request once it started
  std::chrono::seconds idle_timeout{60};        // keep-alive wait for the next request
  std::chrono::seconds shutdown_grace{10};      // in-flight work gets this long after SIGTERM
  StreamSessionOptions stream;                  // WebSocket connections of GET /api/v1/stream
};

/// The HTTP/1.1 server on Boost.Beast: keep-alive, limits on header size, body size (per
/// route, from the Dispatcher) and read time, and graceful shutdown — stop accepting, close
/// idle connections, let requests in flight finish, give up after the grace period.
/// Request handling runs on a worker pool so a slow database never stalls socket I/O.
class Server {
 public:
  /// `dispatcher` and `metrics` (which counts open connections) must outlive the server.
  Server(ServerOptions options, const Dispatcher& dispatcher, HttpMetrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and listens. `unavailable` with the address when the port is taken or invalid.
  Result<void> listen();
  /// The bound port (useful after listening on port 0).
  [[nodiscard]] std::uint16_t port() const;
  /// Stops gracefully on SIGTERM or SIGINT.
  void stop_on_signals();
  /// Serves until stopped; returns when every connection is closed (or the grace ran out).
  void run();
  /// Begins a graceful stop. Thread-safe; may be called more than once.
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sigap::http
