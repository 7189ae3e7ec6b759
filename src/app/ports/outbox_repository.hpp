#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/complaints/complaint.hpp"
#include "domain/notifications/notify_channel.hpp"

namespace sigap::app::ports {

/// One committed outbox row with what its consumers need to fan it out: the timeline event it
/// was written with and the case as stored now. Nothing personal: of the reporter only whether
/// a contact exists (`reach`), never the contact.
struct OutboxEntry {
  std::int64_t id = 0;
  std::int64_t dispatch_seq = 0;  // 0 until fanned out; then gap-free, in fan-out order
  std::string topic;              // "complaint.<event type>"
  std::string payload;            // the JSON the use case wrote
  TimePoint created_at{};
  domain::complaints::ComplaintEvent event;
  // The case, as stored when the entry was read.
  std::string public_code;
  domain::complaints::Status status = domain::complaints::Status::submitted;
  std::string unit_code;
  std::string category_code;
  std::string region_code;
  domain::complaints::ComplaintKind kind = domain::complaints::ComplaintKind::complaint;
  bool confidential = false;
  std::optional<std::int64_t> merged_into_id;
  Language language = Language::id;
  domain::notifications::ReporterReach reach;
};

/// Reads the outbox. Thread-safe.
class OutboxRepository {
 public:
  virtual ~OutboxRepository() = default;
  /// Rows fanned out after `after_seq`, in fan-out order (dispatch_seq ascending), at most
  /// `limit`. The numbers have no gaps and a row is numbered only once committed, so a consumer
  /// that follows the outbox with a plain cursor (the WebSocket stream) misses nothing.
  virtual Result<std::vector<OutboxEntry>> dispatched_after(std::int64_t after_seq, int limit) = 0;
  /// Whether a committed row waits for fan-out: one indexed read, no write (the dispatcher asks
  /// this before it takes the dispatch lock in a write transaction).
  virtual Result<bool> has_pending() = 0;
  /// The number of the newest row fanned out (0 before the first): where a follower that does
  /// not replay history starts (the live stream).
  virtual Result<std::int64_t> last_dispatched_seq() = 0;
};

/// Fans the outbox out inside a Transaction (the dispatcher's).
class OutboxWriter {
 public:
  virtual ~OutboxWriter() = default;
  /// Takes the dispatch lock (the one-row outbox_dispatch: a row lock on PostgreSQL, the single
  /// writer on SQLite), so two dispatchers, in one process or several, never fan out the same
  /// rows; then reads the oldest rows not fanned out yet (by id; a row committed late with a
  /// lower id is simply found by the next call), at most `limit`.
  virtual Result<std::vector<OutboxEntry>> lock_pending(int limit) = 0;
  /// Marks the rows fanned out at `at` and numbers them with the next dispatch numbers, in the
  /// order given, in one statement; returns the last number. `conflict` if one of them was
  /// fanned out already.
  virtual Result<std::int64_t> mark_dispatched(const std::vector<std::int64_t>& outbox_ids, TimePoint at) = 0;
};

}  // namespace sigap::app::ports
