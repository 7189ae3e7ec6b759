#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "support/loopback_listener.hpp"
#include "support/webhook_receiver.hpp"

namespace sigap::testing {

/// What a FakeProvider answers to one request.
struct ProviderAnswer {
  int status = 200;
  std::string content_type = "application/json";
  std::string body = "{}";
};

/// A messaging provider's API written for the tests (the WhatsApp Graph API, the Telegram Bot
/// API, an SMS gateway): an HTTP/1.1 server on 127.0.0.1 that records every request (method,
/// target, headers, body) and answers what `answer` gives for it. Connection: close. Unlike
/// WebhookReceiver it answers bodies (JSON, media bytes).
class FakeProvider {
 public:
  using Answer = std::function<ProviderAnswer(const ReceivedRequest& request)>;
  explicit FakeProvider(Answer answer);

  [[nodiscard]] std::uint16_t port() const { return listener_->port(); }
  [[nodiscard]] std::string url(const std::string& path = "") const;
  [[nodiscard]] std::vector<ReceivedRequest> requests() const;
  /// Waits until `done` holds for the requests so far; false when `timeout` passed first.
  bool wait_for(const std::function<bool(const std::vector<ReceivedRequest>&)>& done,
                std::chrono::milliseconds timeout) const;

 private:
  void serve(int socket);

  Answer answer_;
  mutable std::mutex mutex_;
  std::vector<ReceivedRequest> requests_;  // GUARDED_BY(mutex_)
  std::unique_ptr<LoopbackListener> listener_;
};

}  // namespace sigap::testing
