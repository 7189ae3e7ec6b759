#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

namespace sigap::testing {

/// A TCP listener on 127.0.0.1 (port 0: a free one) that hands each accepted connection's socket
/// to `serve` on its own thread, one connection at a time, and closes it afterwards. The base of
/// the test webhook receiver and SMTP sink: plain POSIX sockets, nothing borrowed from the code
/// under test. Stops (and joins) when destroyed.
class LoopbackListener {
 public:
  using Serve = std::function<void(int socket)>;
  LoopbackListener(std::uint16_t port, Serve serve);
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }

  /// A port on 127.0.0.1 that nothing listens on right now (bound, then closed).
  static std::uint16_t free_port();

 private:
  int socket_ = -1;
  std::uint16_t port_ = 0;
  Serve serve_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

/// Reads from `socket` until `delimiter` has arrived (the text up to and including it is
/// returned and removed from `buffer`); "" when the peer closed or 5 s passed first.
std::string read_until(int socket, std::string& buffer, std::string_view delimiter);
/// Reads exactly `count` bytes (some may already be in `buffer`); fewer when the peer closed.
std::string read_exactly(int socket, std::string& buffer, std::size_t count);
void write_all(int socket, std::string_view data);

}  // namespace sigap::testing
