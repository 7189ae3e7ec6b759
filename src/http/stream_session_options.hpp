#pragma once

#include <chrono>
#include <cstddef>

namespace sigap::http {

/// Limits of one WebSocket connection of the live stream.
struct StreamSessionOptions {
  /// The socket's kernel send buffer: small and fixed (no autotuning to megabytes), so a client
  /// that stops reading is noticed by its queue in the hub after a few hundred events.
  std::size_t send_buffer = 64 * 1024;
  /// No frame and no answer to our pings from the client this long: the connection is closed.
  std::chrono::seconds idle_timeout{60};
  /// The opening and closing handshakes each get this long.
  std::chrono::seconds handshake_timeout{5};
  /// A client told to resync (or to go away on shutdown) whose socket takes no data for this
  /// long is disconnected without the last word.
  std::chrono::seconds stuck_write{5};
};

}  // namespace sigap::http
