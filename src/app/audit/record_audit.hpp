#pragma once

#include "app/ports/storage.hpp"
#include "domain/access/access.hpp"
#include "domain/audit/audit_entry.hpp"

namespace sigap::app::audit {

/// Appends `record` to the audit chain inside the caller's transaction: takes the next number,
/// hashes the previous hash with the entry's canonical form (SHA-256), stores both. The entry
/// commits or rolls back with the change it records.
Result<domain::audit::AuditEntry> record_audit(ports::Transaction& tx, const domain::audit::AuditRecord& record);

/// record_audit in a transaction of its own (for events with no other change: failed logins,
/// denials).
Result<void> record_audit(ports::Storage& storage, const domain::audit::AuditRecord& record);

/// The hash an entry must carry: hex SHA-256 of prev_hash, a newline, and the canonical form.
std::string chain_hash(const std::string& prev_hash, std::int64_t seq, const domain::audit::AuditRecord& record);

/// How an actor is named in the audit log: "user:12", "apikey:3", "anonymous".
std::string audit_name(const domain::access::Actor& actor);

}  // namespace sigap::app::audit
