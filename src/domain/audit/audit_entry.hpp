#pragma once

#include <cstdint>
#include <string>

#include "common/clock.hpp"

namespace sigap::domain::audit {

/// What happened, by whom, to what. Never carries personal data in clear (a reveal records
/// which case's data was revealed, not the data).
struct AuditRecord {
  TimePoint at{};
  std::string actor;   // "user:12", "apikey:3", "anonymous", "system", "cli"
  std::string action;  // "login.succeeded", "login.failed", "access.denied", "user.created", ...
  std::string target;  // "user:12", "route:GET /api/v1/users", ...
  std::string detail;  // short, free text or JSON
  std::string ip;
};

/// A record as stored: numbered from 1 without gaps, chained by hash.
struct AuditEntry {
  std::int64_t seq = 0;
  AuditRecord record;
  std::string prev_hash;  // "" for the first entry
  std::string hash;       // hex SHA-256 over prev_hash and canonical_form(seq, record)
};

/// The exact bytes the hash covers: every field, length-prefixed, so no two different entries
/// share a form.
std::string canonical_form(std::int64_t seq, const AuditRecord& record);

}  // namespace sigap::domain::audit
