#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/audit/audit_entry.hpp"

namespace sigap::app::ports {

/// The chain's head after advancing it: the new entry's number and the previous entry's hash.
struct AuditHead {
  std::int64_t seq = 0;
  std::string prev_hash;
};

/// Appends to the audit chain inside a Transaction (see app/audit/record_audit.hpp, the only
/// caller). The three steps run in one transaction, so the chain never forks.
class AuditWriter {
 public:
  virtual ~AuditWriter() = default;
  /// Takes the next number (and, on PostgreSQL, the head's row lock until commit).
  virtual Result<AuditHead> advance_head() = 0;
  virtual Result<void> insert(const domain::audit::AuditEntry& entry) = 0;
  virtual Result<void> set_head_hash(const std::string& hash) = 0;
};

struct AuditFilter {
  std::optional<std::string> action;  // exact, or a prefix ending in '.' ("login.")
  std::optional<std::string> actor;
  std::optional<TimePoint> since;
  std::optional<TimePoint> until;
  std::int64_t after_seq = 0;  // for paging
  int limit = 100;
};

/// Reads the audit chain. Thread-safe.
class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  /// Entries matching `filter`, oldest first.
  virtual Result<std::vector<domain::audit::AuditEntry>> list(const AuditFilter& filter) = 0;
  /// Entries with seq > after_seq in order, at most `limit` (for walking the whole chain).
  virtual Result<std::vector<domain::audit::AuditEntry>> chain(std::int64_t after_seq, int limit) = 0;
  /// The head as stored (seq and hash of the last entry).
  virtual Result<AuditHead> head() = 0;
};

}  // namespace sigap::app::ports
