#include "storage/sql/sql_audit.hpp"

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace da = domain::audit;

namespace {

constexpr std::string_view kColumns =
    "SELECT seq, at, actor, action, target, detail, ip, prev_hash, hash FROM audit_log ";

Result<std::vector<da::AuditEntry>> entries_from(Result<SqlRows> rows) {
  if (!rows) return rows.error();
  std::vector<da::AuditEntry> entries;
  entries.reserve(rows->size());
  for (const auto& row : rows->rows) {
    da::AuditEntry entry;
    entry.seq = int_at(row, 0);
    entry.record.at = parse_utc(text_at(row, 1)).value_or(TimePoint{});
    entry.record.actor = text_at(row, 2);
    entry.record.action = text_at(row, 3);
    entry.record.target = text_at(row, 4);
    entry.record.detail = text_at(row, 5);
    entry.record.ip = text_at(row, 6);
    entry.prev_hash = text_at(row, 7);
    entry.hash = text_at(row, 8);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

Result<std::vector<da::AuditEntry>> SqlAuditRepository::list(const app::ports::AuditFilter& filter) {
  std::string action = filter.action.value_or("");
  std::string action_prefix = !action.empty() && action.back() == '.' ? action + "%" : std::string();
  return entries_from(backend_.read(
      std::string(kColumns) +
          "WHERE seq > $1 AND ($2 = '' OR action = $2 OR ($3 <> '' AND action LIKE $3)) AND ($4 = '' OR actor = $4) "
          "AND ($5 = '' OR at >= $5) AND ($6 = '' OR at < $6) ORDER BY seq LIMIT $7",
      {filter.after_seq, action, action_prefix, filter.actor.value_or(""),
       filter.since ? format_utc(*filter.since) : std::string(), filter.until ? format_utc(*filter.until) : std::string(),
       std::int64_t{filter.limit}}));
}

Result<std::vector<da::AuditEntry>> SqlAuditRepository::chain(std::int64_t after_seq, int limit) {
  return entries_from(
      backend_.read(std::string(kColumns) + "WHERE seq > $1 ORDER BY seq LIMIT $2", {after_seq, std::int64_t{limit}}));
}

Result<app::ports::AuditHead> SqlAuditRepository::head() {
  auto rows = backend_.read("SELECT seq, hash FROM audit_head WHERE id = 1", {});
  if (!rows) return rows.error();
  if (rows->empty()) return Error::internal("audit_head row is missing");
  return app::ports::AuditHead{int_at(rows->rows[0], 0), text_at(rows->rows[0], 1)};
}

Result<app::ports::AuditHead> SqlAuditWriter::advance_head() {
  // RETURNING gives the new seq and the hash not yet replaced: the previous entry's.
  auto rows = connection_.query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash", {});
  if (!rows) return rows.error();
  if (rows->empty()) return Error::internal("audit_head row is missing");
  return app::ports::AuditHead{int_at(rows->rows[0], 0), text_at(rows->rows[0], 1)};
}

Result<void> SqlAuditWriter::insert(const da::AuditEntry& entry) {
  auto rows = connection_.query(
      "INSERT INTO audit_log (seq, at, actor, action, target, detail, ip, prev_hash, hash) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {entry.seq, format_utc(entry.record.at), entry.record.actor, entry.record.action, entry.record.target,
       entry.record.detail, entry.record.ip, entry.prev_hash, entry.hash});
  if (!rows) return rows.error();
  return {};
}

Result<void> SqlAuditWriter::set_head_hash(const std::string& hash) {
  auto rows = connection_.query("UPDATE audit_head SET hash = $1 WHERE id = 1", {hash});
  if (!rows) return rows.error();
  return {};
}

}  // namespace sigap::storage::sql
