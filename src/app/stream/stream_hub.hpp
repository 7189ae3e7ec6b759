#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "app/command_center/unit_tree.hpp"
#include "app/ports/storage.hpp"
#include "app/stream/alert_follower.hpp"
#include "app/stream/stream_settings.hpp"
#include "app/stream/stream_subscription.hpp"
#include "common/clock.hpp"

namespace sigap::app::stream {

/// The fan-out of the live stream (docs/command-center.md, "Live stream"). One reader thread
/// follows the outbox by its gap-free dispatch numbers (OutboxRepository::dispatched_after, so
/// a client sees an event only once the dispatcher numbered it, after the figures it updates
/// in the same transaction), serialises each event once and queues it on every subscription
/// whose scope admits it; it follows the alerts table the same way (AlertFollower) and queues
/// heartbeats. Subscriptions are bounded (StreamSubscription): a slow client is told to resync,
/// the hub never grows. The thread starts with the first subscription. Thread-safe.
class StreamHub {
 public:
  StreamHub(ports::Storage& storage, const Clock& clock, StreamSettings settings);
  ~StreamHub();
  StreamHub(const StreamHub&) = delete;
  StreamHub& operator=(const StreamHub&) = delete;

  /// The filter of `actor` for `?scope=` (resolve_stream_filter over the current units).
  Result<StreamFilter> filter_for(const domain::access::Actor& actor, std::optional<std::string_view> scope);

  /// A new subscription. `after`: the last event id the client saw when it resumes (nullopt:
  /// a fresh client, live events only). A resume more than max_backfill behind, or ahead of
  /// every numbered event, is marked for resync at once.
  Result<std::shared_ptr<StreamSubscription>> subscribe(StreamFilter filter, std::optional<std::int64_t> after);
  /// The client is gone: no more messages for it.
  void unsubscribe(const std::shared_ptr<StreamSubscription>& subscription);

  /// The next page of events the resuming `subscription` missed, in (after, boundary], filtered,
  /// in order; empty when the backfill is done (then the session takes the live queue). Blocks
  /// on the database: call it from a worker, never an I/O thread. Only the subscription's own
  /// session calls it, one call at a time.
  Result<std::vector<StreamMessage>> backfill(StreamSubscription& subscription);

  /// The hello of a new subscription.
  [[nodiscard]] StreamMessage hello(const StreamSubscription& subscription) const;

  /// New events were numbered (the outbox dispatcher of this process calls it after a batch):
  /// look now rather than at the next poll.
  void wake();
  /// Stops the reader thread (subscriptions get nothing more). Idempotent.
  void stop();

  struct Stats {
    std::size_t subscribers = 0;
    std::int64_t last_id = 0;        // the newest event id queued
    std::uint64_t events = 0;        // events read from the outbox
    std::uint64_t resyncs = 0;       // subscriptions told to resync (full queue, too far behind)
    std::size_t peak_queued = 0;     // the most messages one subscription ever held
  };
  [[nodiscard]] Stats stats() const;

 private:
  void start_locked();
  void loop();
  /// One round: events, then alerts and heartbeats when due.
  void round(std::chrono::steady_clock::time_point now);
  Result<void> follow_outbox();
  Result<void> follow_alerts();
  void heartbeat();
  /// The current units (reloaded when a unit is unknown or every minute).
  std::shared_ptr<const command_center::UnitTree> units(bool refresh = false);
  std::vector<std::shared_ptr<StreamSubscription>> subscribers() const;
  /// Queues a page of events on every subscription whose scope admits them.
  void fan_out(const std::vector<std::shared_ptr<StreamSubscription>>& to, const std::vector<ports::OutboxEntry>& page,
               const command_center::UnitTree* tree);
  void deliver(const std::vector<std::shared_ptr<StreamSubscription>>& to, const StreamMessage& message,
               const domain::access::Scope StreamFilter::*scope, const std::vector<std::string>& chain,
               bool city_wide);

  ports::Storage& storage_;
  const Clock& clock_;
  const StreamSettings settings_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool started_ = false;                                          // GUARDED_BY(mutex_)
  bool stopping_ = false;                                         // GUARDED_BY(mutex_)
  bool woken_ = false;                                            // GUARDED_BY(mutex_)
  std::int64_t cursor_ = 0;                                       // GUARDED_BY(mutex_): newest id queued
  std::vector<std::shared_ptr<StreamSubscription>> subscribers_;  // GUARDED_BY(mutex_)
  std::uint64_t events_ = 0;                                      // GUARDED_BY(mutex_)
  std::uint64_t resyncs_ = 0;                                     // GUARDED_BY(mutex_)
  std::size_t peak_queued_ = 0;                                   // GUARDED_BY(mutex_)
  std::shared_ptr<const command_center::UnitTree> units_;        // GUARDED_BY(mutex_)
  std::chrono::steady_clock::time_point units_loaded_{};         // GUARDED_BY(mutex_)
  std::thread thread_;

  // The reader thread's own.
  AlertFollower alerts_;
  std::chrono::steady_clock::time_point next_alert_look_{};
  std::chrono::steady_clock::time_point next_heartbeat_{};
};

}  // namespace sigap::app::stream
