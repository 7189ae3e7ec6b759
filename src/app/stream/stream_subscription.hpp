#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "app/stream/stream_filter.hpp"
#include "app/stream/stream_messages.hpp"

namespace sigap::app::stream {

/// One client of the live stream: its filter, where it resumes, and a bounded queue of the
/// messages waiting for its socket. The hub pushes (from its reader thread), the client's
/// session takes (from its own); when a push would pass the limit the queue is emptied and the
/// subscription is marked for resync: the client is told, then closed. Thread-safe.
class StreamSubscription {
 public:
  /// `after`: the last event id the client saw (0: none); `boundary`: the hub's newest id when
  /// the client subscribed — events after it come live, events in (after, boundary] come from
  /// backfill (StreamHub::backfill).
  StreamSubscription(StreamFilter filter, std::int64_t after, std::int64_t boundary, std::size_t max_messages,
                     std::size_t max_bytes);
  StreamSubscription(const StreamSubscription&) = delete;
  StreamSubscription& operator=(const StreamSubscription&) = delete;

  [[nodiscard]] const StreamFilter& filter() const { return filter_; }
  [[nodiscard]] std::int64_t after() const { return after_; }
  [[nodiscard]] std::int64_t boundary() const { return boundary_; }

  /// What the session writes next: the queued messages in order, then (when set) the reason to
  /// resync, after which it closes.
  struct Taken {
    std::vector<StreamMessage> messages;
    std::string resync_reason;  // empty: none
  };
  /// Everything queued now (and empties the queue).
  Taken take();
  /// Called (from the hub's thread, under the subscription's lock: keep it short, never
  /// blocking) whenever something was queued. Replaces the previous one; an empty function
  /// stops the calls (the session does this before it goes away).
  void on_wake(std::function<void()> wake);

  // For the hub.
  /// Queues `message`; false when it would pass a limit (the queue is then emptied and the
  /// subscription marked for resync, "queue_full").
  bool push(const StreamMessage& message);
  /// Queues `messages` in order under one lock (the hub's fan-out of a page of events); false,
  /// as push(), when they would pass a limit.
  bool push_all(const std::vector<StreamMessage>& messages);
  /// Marks the subscription for resync with `reason` (queued messages are dropped).
  void resync(std::string reason);
  [[nodiscard]] bool resyncing() const;
  /// Where the backfill has got to (the session's thread only, through the hub).
  std::int64_t backfill_cursor = 0;
  /// Messages waiting now, and the most that ever waited.
  [[nodiscard]] std::size_t queued() const;
  [[nodiscard]] std::size_t peak_queued() const;

 private:
  void wake_locked();

  const StreamFilter filter_;
  const std::int64_t after_;
  const std::int64_t boundary_;
  const std::size_t max_messages_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::deque<StreamMessage> queue_;  // GUARDED_BY(mutex_)
  std::size_t bytes_ = 0;            // GUARDED_BY(mutex_)
  std::size_t peak_ = 0;             // GUARDED_BY(mutex_)
  std::string resync_reason_;        // GUARDED_BY(mutex_)
  std::function<void()> wake_;       // GUARDED_BY(mutex_)
};

}  // namespace sigap::app::stream
