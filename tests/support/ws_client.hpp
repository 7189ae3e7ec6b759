#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

namespace sigap::testing {

/// A WebSocket client over Boost.Beast for the live stream tests, as a browser or a script
/// would use GET /api/v1/stream: the handshake with the given headers (cookie, Authorization,
/// Origin), then a thread that reads every text frame into a queue. A refused handshake keeps
/// the HTTP answer (status, body). Not thread-safe: one test thread drives it.
class WebSocketClient {
 public:
  struct Options {
    std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"Cookie", "sigap_session=..."}
    /// The socket's receive buffer (SO_RCVBUF) before connecting; 0: the system's.
    int receive_buffer = 0;
    /// Start reading at once; false: frames stay unread (a slow client) until start_reading().
    bool read = true;
  };

  WebSocketClient(std::uint16_t port, const std::string& target, Options options);
  WebSocketClient(std::uint16_t port, const std::string& target) : WebSocketClient(port, target, Options{}) {}
  ~WebSocketClient();
  WebSocketClient(const WebSocketClient&) = delete;
  WebSocketClient& operator=(const WebSocketClient&) = delete;

  /// Whether the server answered 101.
  [[nodiscard]] bool open() const { return status_ == 101; }
  /// The status of the handshake's answer (0 when no answer came).
  [[nodiscard]] int status() const { return status_; }
  /// The body of a refused handshake (problem+json).
  [[nodiscard]] const std::string& refusal_body() const { return refusal_body_; }
  [[nodiscard]] boost::json::value refusal_json() const;

  void start_reading();
  /// The next message, parsed; nullopt when none came within `timeout` (or the connection
  /// ended and the queue is empty). A frame of several messages (an array) yields each in turn.
  std::optional<boost::json::value> next(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  /// The next message of `type` ("event", "alert", ...), skipping others (heartbeats).
  std::optional<boost::json::value> next_of(std::string_view type,
                                            std::chrono::milliseconds timeout = std::chrono::seconds(5));
  /// Frames read so far, and how many of them carried several messages.
  struct FrameCount {
    std::size_t frames = 0;
    std::size_t batches = 0;
  };
  [[nodiscard]] FrameCount frames() const;
  /// Whether the connection ended (after the queued frames), waiting at most `timeout`.
  bool wait_closed(std::chrono::milliseconds timeout);
  /// The close code the server sent (0: none, or the connection just dropped).
  [[nodiscard]] int close_code() const;
  /// Closes from our side (a close frame, then the socket).
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int status_ = 0;
  std::string refusal_body_;
};

}  // namespace sigap::testing
