#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace sigap::app::stream {

/// Limits and rhythms of the live stream (docs/command-center.md, "Live stream").
struct StreamSettings {
  /// A subscription's queue: at most this many messages and bytes wait for its socket; one
  /// more and the client is told to resync and is closed (the server never grows).
  std::size_t queue_messages = 1000;
  std::size_t queue_bytes = 1024 * 1024;
  /// How often the hub looks for newly numbered outbox rows when nobody wakes it (the outbox
  /// dispatcher of this process wakes it after each batch; this catches other processes').
  std::chrono::milliseconds poll{100};
  /// How often the hub looks at the alerts table (new, closed and acknowledged alerts).
  std::chrono::milliseconds alert_poll{1000};
  /// A heartbeat to every subscriber this often.
  std::chrono::milliseconds heartbeat{15000};
  /// A resume further behind than this many events is told to resync instead.
  std::int64_t max_backfill = 20000;
  /// Outbox rows read at a time (live and backfill).
  int page = 500;
};

}  // namespace sigap::app::stream
