#include "app/stream/stream_subscription.hpp"

#include <algorithm>

namespace sigap::app::stream {

StreamSubscription::StreamSubscription(StreamFilter filter, std::int64_t after, std::int64_t boundary,
                                       std::size_t max_messages, std::size_t max_bytes)
    : backfill_cursor(after),
      filter_(std::move(filter)),
      after_(after),
      boundary_(boundary),
      max_messages_(max_messages),
      max_bytes_(max_bytes) {}

StreamSubscription::Taken StreamSubscription::take() {
  std::lock_guard lock(mutex_);
  Taken taken;
  taken.messages.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
  queue_.clear();
  bytes_ = 0;
  taken.resync_reason = resync_reason_;
  return taken;
}

void StreamSubscription::on_wake(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  wake_ = std::move(wake);
  // Whatever was queued before the session listened is not forgotten.
  if (wake_ && (!queue_.empty() || !resync_reason_.empty())) wake_();
}

bool StreamSubscription::push(const StreamMessage& message) { return push_all({message}); }

bool StreamSubscription::push_all(const std::vector<StreamMessage>& messages) {
  std::size_t bytes = 0;
  for (const auto& message : messages) bytes += message->size();
  std::lock_guard lock(mutex_);
  if (!resync_reason_.empty()) return false;
  if (queue_.size() + messages.size() > max_messages_ || bytes_ + bytes > max_bytes_) {
    queue_.clear();
    bytes_ = 0;
    resync_reason_ = "queue_full";
    wake_locked();
    return false;
  }
  queue_.insert(queue_.end(), messages.begin(), messages.end());
  bytes_ += bytes;
  peak_ = std::max(peak_, queue_.size());
  wake_locked();
  return true;
}

void StreamSubscription::resync(std::string reason) {
  std::lock_guard lock(mutex_);
  if (!resync_reason_.empty()) return;
  queue_.clear();
  bytes_ = 0;
  resync_reason_ = std::move(reason);
  wake_locked();
}

bool StreamSubscription::resyncing() const {
  std::lock_guard lock(mutex_);
  return !resync_reason_.empty();
}

std::size_t StreamSubscription::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

std::size_t StreamSubscription::peak_queued() const {
  std::lock_guard lock(mutex_);
  return peak_;
}

void StreamSubscription::wake_locked() {
  if (wake_) wake_();
}

}  // namespace sigap::app::stream
