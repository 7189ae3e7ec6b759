#pragma once

#include <memory>

#include "app/stream/stream_hub.hpp"

namespace sigap::http {

/// What GET /api/v1/stream hands the server with its 101: the subscription made for the
/// caller, which the upgraded connection then serves (http/stream_session). Unsubscribes when
/// the last holder lets go (the session ends, or the upgrade never happened).
class StreamGrant {
 public:
  StreamGrant(app::stream::StreamHub& hub, std::shared_ptr<app::stream::StreamSubscription> subscription)
      : hub_(hub), subscription_(std::move(subscription)) {}
  ~StreamGrant() { hub_.unsubscribe(subscription_); }
  StreamGrant(const StreamGrant&) = delete;
  StreamGrant& operator=(const StreamGrant&) = delete;

  [[nodiscard]] app::stream::StreamHub& hub() const { return hub_; }
  [[nodiscard]] app::stream::StreamSubscription& subscription() const { return *subscription_; }

 private:
  app::stream::StreamHub& hub_;
  std::shared_ptr<app::stream::StreamSubscription> subscription_;
};

}  // namespace sigap::http
