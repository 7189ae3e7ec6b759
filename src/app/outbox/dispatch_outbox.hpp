#pragma once

#include <cstddef>
#include <vector>

#include "app/outbox/outbox_consumer.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"

namespace sigap::app::outbox {

/// Fans committed outbox rows out to the consumers, a batch per transaction: takes the dispatch
/// lock, reads the oldest rows not fanned out yet, lets every consumer write its work rows, and
/// marks each row fanned out with the next dispatch number, all in that one transaction.
/// Never runs on a request thread: jobs::OutboxDispatcher calls it. Thread-safe (the dispatch
/// lock in the database serialises batches, even across processes).
class OutboxDispatch {
 public:
  OutboxDispatch(ports::Storage& storage, const Clock& clock, std::vector<OutboxConsumer*> consumers)
      : storage_(storage), clock_(clock), consumers_(std::move(consumers)) {}

  /// One batch of at most `limit` rows; how many were fanned out (0 when none waited: then only
  /// a read was made, no write).
  Result<std::size_t> dispatch_batch(int limit = 200);
  /// Batches until none is left; how many rows in all.
  Result<std::size_t> dispatch_all(int limit = 200);

 private:
  ports::Storage& storage_;
  const Clock& clock_;
  std::vector<OutboxConsumer*> consumers_;
};

}  // namespace sigap::app::outbox
