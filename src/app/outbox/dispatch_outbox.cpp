#include "app/outbox/dispatch_outbox.hpp"

namespace sigap::app::outbox {

Result<std::size_t> OutboxDispatch::dispatch_batch(int limit) {
  auto waiting = storage_.outbox().has_pending();
  if (!waiting) return waiting.error();
  if (!*waiting) return std::size_t{0};
  for (auto* consumer : consumers_) {
    if (auto prepared = consumer->prepare(); !prepared) return prepared.error();
  }
  std::size_t fanned_out = 0;
  const auto now = clock_.now();
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    fanned_out = 0;
    auto batch = tx.outbox().lock_pending(limit);
    if (!batch) return batch.error();
    for (auto* consumer : consumers_) {
      if (auto done = consumer->fan_out(tx, *batch, now); !done) return done;
    }
    if (batch->empty()) return {};
    std::vector<std::int64_t> ids;
    ids.reserve(batch->size());
    for (const auto& entry : *batch) ids.push_back(entry.id);
    if (auto marked = tx.outbox().mark_dispatched(ids, now); !marked) return marked.error();
    fanned_out = batch->size();
    return {};
  });
  if (!written) return written.error();
  return fanned_out;
}

Result<std::size_t> OutboxDispatch::dispatch_all(int limit) {
  std::size_t total = 0;
  for (;;) {
    auto done = dispatch_batch(limit);
    if (!done) return done.error();
    total += *done;
    if (*done < static_cast<std::size_t>(limit)) return total;
  }
}

}  // namespace sigap::app::outbox
