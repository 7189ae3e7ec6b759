#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "channels/email/lmtp_session.hpp"
#include "common/error.hpp"

namespace sigap::channels::email {

struct LmtpServerOptions {
  std::string host = "127.0.0.1";  // an IP address; loopback: LMTP has no authentication
  std::uint16_t port = 0;          // 0: a free one (tests)
  std::string host_name = "sigap";  // in the greeting and replies
  LmtpLimits limits;
  RecipientPolicy recipients;
  std::chrono::seconds idle_timeout{300};  // silence before 421 (RFC 5321 suggests minutes)
  std::size_t max_connections = 32;        // more at once get 421 and are closed
};

/// The LMTP listener (RFC 2033) on plain POSIX sockets: one accepting thread, and a thread per
/// connection, each running an LmtpSession and calling `deliver` for every complete message
/// (delivery writes to the database and re-encodes photos: it blocks that connection only).
/// Asio stays in src/http; a mail server on the same host opens a handful of connections, so
/// blocking threads with poll() time limits are the simple choice. Reads wait at most
/// idle_timeout; writes too (SO_SNDTIMEO). stop() wakes every thread (shutdown of the sockets),
/// lets a delivery in progress finish and joins them; a message whose DATA was not finished is
/// lost, as the client expects (it had no reply). Thread-safe; stop() is idempotent.
class LmtpServer {
 public:
  LmtpServer(LmtpServerOptions options, DeliverMessage deliver);
  ~LmtpServer();
  LmtpServer(const LmtpServer&) = delete;
  LmtpServer& operator=(const LmtpServer&) = delete;

  /// Binds and listens; an address in use or not an address is an error naming "lmtp_listen".
  Result<void> listen();
  [[nodiscard]] std::uint16_t port() const { return port_; }
  /// Starts accepting on its own thread (after listen()).
  void start();
  void stop();

 private:
  struct Connection {
    int socket = -1;  // GUARDED_BY(mutex_); -1 once closed
    std::atomic<bool> done{false};
    std::thread thread;
  };

  void accept_loop();
  void serve(Connection& connection);
  void reap(bool all);

  LmtpServerOptions options_;
  DeliverMessage deliver_;
  int listener_ = -1;
  int wake_[2] = {-1, -1};  // a pipe: stop() writes to wake the accepting thread
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread acceptor_;
  std::mutex mutex_;
  std::list<std::unique_ptr<Connection>> connections_;  // GUARDED_BY(mutex_)
};

}  // namespace sigap::channels::email
