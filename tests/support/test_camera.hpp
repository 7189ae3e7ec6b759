#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "support/loopback_listener.hpp"

namespace sigap::testing {

/// An IP camera written for the tests: an HTTP/1.1 server on 127.0.0.1 that answers every GET
/// with a JPEG (`Mode::jpeg`: image/jpeg, Content-Length) or an endless MJPEG stream
/// (`Mode::mjpeg`: multipart/x-mixed-replace, the frames in turn every 20 ms until the client
/// hangs up, at most 200). With credentials it asks for HTTP Basic authentication first (401
/// with WWW-Authenticate), as cameras do. Plain POSIX sockets, nothing from the code under test.
/// Destroying it stops the camera (the port stops answering); a new one on the same port brings
/// it back.
class TestCamera {
 public:
  enum class Mode { jpeg, mjpeg };

  /// `frames`: the images it serves, in turn (at least one). `user`/`password` empty: no
  /// authentication.
  TestCamera(Mode mode, std::vector<std::string> frames, std::uint16_t port = 0, std::string user = {},
             std::string password = {});

  [[nodiscard]] std::uint16_t port() const { return listener_->port(); }
  [[nodiscard]] std::string url(const std::string& path = "/snapshot.jpg") const;
  /// Requests that carried the right credentials (or any, without credentials) and got an image.
  [[nodiscard]] int served() const { return served_.load(); }
  /// Requests refused with 401.
  [[nodiscard]] int challenged() const { return challenged_.load(); }

 private:
  void serve(int socket);

  Mode mode_;
  std::vector<std::string> frames_;
  std::string authorization_;  // "Basic <base64>", or "" for none
  std::atomic<int> served_{0};
  std::atomic<int> challenged_{0};
  std::unique_ptr<LoopbackListener> listener_;
};

}  // namespace sigap::testing
