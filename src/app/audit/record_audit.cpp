#include "app/audit/record_audit.hpp"

#include "crypto/hashing.hpp"

namespace sigap::app::audit {

namespace da = domain::audit;

std::string chain_hash(const std::string& prev_hash, std::int64_t seq, const da::AuditRecord& record) {
  return crypto::sha256_hex(prev_hash + "\n" + da::canonical_form(seq, record));
}

Result<da::AuditEntry> record_audit(ports::Transaction& tx, const da::AuditRecord& record) {
  auto head = tx.audit().advance_head();
  if (!head) return head.error();
  da::AuditEntry entry;
  entry.seq = head->seq;
  entry.record = record;
  entry.prev_hash = head->prev_hash;
  entry.hash = chain_hash(entry.prev_hash, entry.seq, record);
  if (auto inserted = tx.audit().insert(entry); !inserted) return inserted.error();
  if (auto moved = tx.audit().set_head_hash(entry.hash); !moved) return moved.error();
  return entry;
}

Result<void> record_audit(ports::Storage& storage, const da::AuditRecord& record) {
  return storage.write([&](ports::Transaction& tx) -> Result<void> {
    auto entry = record_audit(tx, record);
    if (!entry) return entry.error();
    return {};
  });
}

std::string audit_name(const domain::access::Actor& actor) {
  switch (actor.kind) {
    case domain::access::ActorKind::anonymous: return "anonymous";
    case domain::access::ActorKind::api_client: return "apikey:" + std::to_string(actor.id);
    default: return "user:" + std::to_string(actor.id);
  }
}

}  // namespace sigap::app::audit
