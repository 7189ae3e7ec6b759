#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "support/loopback_listener.hpp"

namespace sigap::testing {

/// One request a WebhookReceiver got, and the status it answered.
struct ReceivedRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  int answered = 0;
  std::chrono::system_clock::time_point at;

  [[nodiscard]] std::string header(const std::string& name) const;
};

/// A webhook receiver written for the tests: an HTTP/1.1 server on 127.0.0.1 that reads each
/// request (Content-Length bodies), records it, and answers with the status `answer` picks
/// (given the request and how many came before it), after `delay`. Connection: close.
class WebhookReceiver {
 public:
  using Answer = std::function<int(const ReceivedRequest& request, std::size_t index)>;
  explicit WebhookReceiver(Answer answer = nullptr, std::uint16_t port = 0,
                           std::chrono::milliseconds delay = std::chrono::milliseconds(0));

  [[nodiscard]] std::uint16_t port() const { return listener_->port(); }
  [[nodiscard]] std::string url(const std::string& path = "/hook") const;
  [[nodiscard]] std::vector<ReceivedRequest> requests() const;
  /// Waits until `done` holds for the requests so far; false when `timeout` passed first.
  bool wait_for(const std::function<bool(const std::vector<ReceivedRequest>&)>& done,
                std::chrono::milliseconds timeout) const;

 private:
  void serve(int socket);

  Answer answer_;
  std::chrono::milliseconds delay_;
  mutable std::mutex mutex_;
  std::vector<ReceivedRequest> requests_;  // GUARDED_BY(mutex_)
  std::unique_ptr<LoopbackListener> listener_;
};

}  // namespace sigap::testing
