#pragma once

#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"

namespace sigap::app::outbox {

/// One kind of work the outbox dispatcher makes out of committed outbox rows: webhook deliveries
/// (app/webhooks), messages to reporters (app/notifications). Each consumer writes durable work
/// rows of its own inside the dispatcher's transaction, the same one that marks the rows fanned
/// out, so a crash at any point loses nothing and repeats nothing; the work rows are then
/// carried out by workers of their own, independently of each other. (A consumer that only
/// needs to follow the stream, like the WebSocket push of #6, reads
/// ports::OutboxRepository::dispatched_after instead.)
class OutboxConsumer {
 public:
  virtual ~OutboxConsumer() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  /// Before each batch, outside any transaction: read what fanning out needs (units, ...).
  virtual Result<void> prepare() { return {}; }
  /// Inside the dispatcher's transaction: the work rows for `batch` (oldest first) at `now`.
  /// An error rolls the whole batch back, to be tried again; rows a consumer cannot use (an
  /// unknown event) are skipped, not errors.
  virtual Result<void> fan_out(ports::Transaction& tx, const std::vector<ports::OutboxEntry>& batch, TimePoint now) = 0;
};

}  // namespace sigap::app::outbox
