#include "storage/sql/sql_outbox.hpp"

#include <fmt/format.h>

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace dc = domain::complaints;
using Row = std::vector<std::optional<std::string>>;

namespace {

// An outbox row with its event and case; of the reporter only whether a contact was left.
constexpr std::string_view kEntryColumns =
    "SELECT o.id, COALESCE(o.dispatch_seq, 0), o.topic, o.payload, o.created_at, "
    "e.id, e.complaint_id, e.at, e.actor, e.channel, e.type, e.public, e.from_status, e.to_status, e.from_unit, "
    "e.to_unit, c.public_code, c.status, c.unit_code, COALESCE(c.category_code, ''), COALESCE(c.region_code, ''), "
    "c.kind, c.confidential, c.merged_into_id, c.language, c.notify_channel, c.channel, c.anonymous, "
    "CASE WHEN c.reporter_email <> '' THEN 1 ELSE 0 END, CASE WHEN c.reporter_phone <> '' THEN 1 ELSE 0 END, "
    "CASE WHEN c.reporter_chat_id <> '' THEN 1 ELSE 0 END "
    "FROM outbox o JOIN complaint_events e ON e.id = o.event_id JOIN complaints c ON c.id = e.complaint_id ";

app::ports::OutboxEntry entry_from(const Row& row) {
  app::ports::OutboxEntry entry;
  entry.id = int_at(row, 0);
  entry.dispatch_seq = int_at(row, 1);
  entry.topic = text_at(row, 2);
  entry.payload = text_at(row, 3);
  entry.created_at = parse_utc(text_at(row, 4)).value_or(TimePoint{});
  auto& event = entry.event;
  event.id = int_at(row, 5);
  event.complaint_id = int_at(row, 6);
  event.at = parse_utc(text_at(row, 7)).value_or(TimePoint{});
  event.actor = text_at(row, 8);
  if (auto channel = dc::channel_from_string(text_at(row, 9), "channel")) event.channel = *channel;
  event.type = text_at(row, 10);
  event.is_public = int_at(row, 11) != 0;
  if (auto from = dc::status_from_string(text_at(row, 12), "from")) event.from_status = *from;
  if (auto to = dc::status_from_string(text_at(row, 13), "to")) event.to_status = *to;
  event.from_unit = text_at(row, 14);
  event.to_unit = text_at(row, 15);
  entry.public_code = text_at(row, 16);
  if (auto status = dc::status_from_string(text_at(row, 17), "status")) entry.status = *status;
  entry.unit_code = text_at(row, 18);
  entry.category_code = text_at(row, 19);
  entry.region_code = text_at(row, 20);
  if (auto kind = dc::complaint_kind_from_string(text_at(row, 21), "kind")) entry.kind = *kind;
  entry.confidential = int_at(row, 22) != 0;
  if (row.at(23)) entry.merged_into_id = int_at(row, 23);
  entry.language = text_at(row, 24) == "en" ? Language::en : Language::id;
  entry.reach.choice = text_at(row, 25);
  if (auto channel = dc::channel_from_string(text_at(row, 26), "channel")) entry.reach.report_channel = *channel;
  entry.reach.anonymous = int_at(row, 27) != 0;
  entry.reach.has_email = int_at(row, 28) != 0;
  entry.reach.has_phone = int_at(row, 29) != 0;
  entry.reach.has_chat = int_at(row, 30) != 0;
  return entry;
}

std::vector<app::ports::OutboxEntry> entries_from(const SqlRows& rows) {
  std::vector<app::ports::OutboxEntry> entries;
  entries.reserve(rows.size());
  for (const auto& row : rows.rows) entries.push_back(entry_from(row));
  return entries;
}

}  // namespace

Result<std::vector<app::ports::OutboxEntry>> SqlOutboxRepository::dispatched_after(std::int64_t after_seq, int limit) {
  auto rows = backend_.read(std::string(kEntryColumns) + "WHERE o.dispatch_seq > $1 ORDER BY o.dispatch_seq LIMIT $2",
                            {after_seq, std::int64_t{limit}});
  if (!rows) return rows.error();
  return entries_from(*rows);
}

Result<bool> SqlOutboxRepository::has_pending() {
  auto rows = backend_.read("SELECT id FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT 1", {});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::int64_t> SqlOutboxRepository::last_dispatched_seq() {
  // outbox_dispatch.last_seq moves in the very transaction that numbers the rows.
  auto rows = backend_.read("SELECT last_seq FROM outbox_dispatch WHERE id = 1", {});
  if (!rows) return rows.error();
  if (rows->empty()) return Error::internal("outbox_dispatch has no row");
  return int_at(rows->rows.front(), 0);
}

Result<std::vector<app::ports::OutboxEntry>> SqlOutboxWriter::lock_pending(int limit) {
  // The lock first: a second dispatcher waits here until this transaction ends, and then (a new
  // statement, a new snapshot on PostgreSQL) no longer sees the rows this one fanned out.
  auto locked = connection_.query("UPDATE outbox_dispatch SET last_seq = last_seq WHERE id = 1 RETURNING last_seq", {});
  if (!locked) return locked.error();
  if (locked->empty()) return Error::internal("outbox_dispatch has no row");
  auto rows = connection_.query(std::string(kEntryColumns) + "WHERE o.delivered_at IS NULL ORDER BY o.id LIMIT $1",
                                {std::int64_t{limit}});
  if (!rows) return rows.error();
  return entries_from(*rows);
}

Result<std::int64_t> SqlOutboxWriter::mark_dispatched(const std::vector<std::int64_t>& outbox_ids, TimePoint at) {
  const auto count = static_cast<std::int64_t>(outbox_ids.size());
  auto seq =
      connection_.query("UPDATE outbox_dispatch SET last_seq = last_seq + $1 WHERE id = 1 RETURNING last_seq", {count});
  if (!seq) return seq.error();
  if (seq->empty()) return Error::internal("outbox_dispatch has no row");
  const auto last = int_at(seq->rows.at(0), 0);
  if (outbox_ids.empty()) return last;
  // One statement for the batch: the writer's time is what intake throughput is made of.
  std::string values;
  std::vector<SqlValue> params{format_utc(at)};
  for (std::int64_t i = 0; i < count; ++i) {
    params.emplace_back(outbox_ids[static_cast<std::size_t>(i)]);
    params.emplace_back(last - count + 1 + i);
    values +=
        fmt::format("{}(CAST(${} AS BIGINT), CAST(${} AS BIGINT))", i ? ", " : "", params.size() - 1, params.size());
  }
  auto marked =
      connection_.query("UPDATE outbox SET delivered_at = $1, dispatch_seq = v.column2 FROM (VALUES " + values +
                            ") AS v WHERE outbox.id = v.column1 AND outbox.delivered_at IS NULL "
                            "RETURNING outbox.id",
                        params);
  if (!marked) return marked.error();
  if (static_cast<std::int64_t>(marked->size()) != count) {
    return Error(ErrorCode::conflict, Text{"Sudah disebarkan.", "Already fanned out."})
        .with_log_detail(fmt::format("{} of {} outbox rows were fanned out already", count - marked->size(), count));
  }
  return last;
}

}  // namespace sigap::storage::sql
