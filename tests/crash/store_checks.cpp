#include "crash/store_checks.hpp"

#include <array>
#include <optional>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "storage/postgres/pg_connection.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace sigap::testing {

namespace {

// Each a count of one kind of half-written record, and how to say it.
struct OrphanQuery {
  std::string_view what;
  std::string_view sql;
};

constexpr std::array<OrphanQuery, 5> kOrphans{{
    {"complaints without a submitted event",
     "SELECT COUNT(*) FROM complaints c WHERE NOT EXISTS "
     "(SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.type = 'submitted')"},
    {"complaints with more than one submitted event",
     "SELECT COUNT(*) FROM (SELECT complaint_id FROM complaint_events WHERE type = 'submitted' "
     "GROUP BY complaint_id HAVING COUNT(*) > 1) twice"},
    {"events without their outbox row",
     "SELECT COUNT(*) FROM complaint_events e WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.event_id = e.id)"},
    {"events without their complaint",
     "SELECT COUNT(*) FROM complaint_events e WHERE NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = "
     "e.complaint_id)"},
    {"outbox rows without their event",
     "SELECT COUNT(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.id = o.event_id)"},
}};

constexpr std::string_view kTables = "'complaints', 'complaint_events', 'outbox'";

std::string failure_of(const Error& error) {
  return error.log_detail().empty() ? error.message().en : error.log_detail();
}

std::vector<std::string> sqlite_integrity(storage::sql::SqlConnection& connection, std::string& method) {
  method = "PRAGMA integrity_check, foreign_key_check";
  std::vector<std::string> problems;
  auto checked = connection.query("PRAGMA integrity_check", {});
  if (!checked) return {"integrity_check: " + failure_of(checked.error())};
  for (const auto& row : checked->rows) {
    if (storage::sql::text_at(row, 0) != "ok") problems.push_back("integrity_check: " + storage::sql::text_at(row, 0));
  }
  auto keys = connection.query("PRAGMA foreign_key_check", {});
  if (!keys) return {"foreign_key_check: " + failure_of(keys.error())};
  if (!keys->empty()) problems.push_back(fmt::format("foreign_key_check: {} rows break a foreign key", keys->size()));
  return problems;
}

// Where amcheck is missing: every table counted once by a sequential scan and once through its
// primary key index; a damaged index or heap shows as a difference (or an error).
std::vector<std::string> postgres_fallback(storage::sql::SqlConnection& connection, std::string& method) {
  method = "fallback (no amcheck): sequential scan vs index scan counts";
  std::vector<std::string> problems;
  for (std::string_view table : {"complaints", "complaint_events", "outbox"}) {
    auto count_with = [&](std::string_view settings) -> std::optional<std::int64_t> {
      if (!connection.execute_script(settings)) return std::nullopt;
      auto rows = connection.query(fmt::format("SELECT COUNT(*) FROM {} WHERE id > 0", table), {});
      (void)connection.execute_script("RESET enable_seqscan; RESET enable_indexscan; RESET enable_bitmapscan");
      if (!rows) return std::nullopt;
      return storage::sql::int_at(rows->rows.at(0), 0);
    };
    auto heap = count_with("SET enable_indexscan = off; SET enable_bitmapscan = off");
    auto index = count_with("SET enable_seqscan = off");
    if (!heap || !index || *heap != *index) problems.push_back(fmt::format("{}: scans disagree", table));
  }
  return problems;
}

std::vector<std::string> postgres_integrity(storage::sql::SqlConnection& connection, std::string& method) {
  if (!connection.execute_script("CREATE EXTENSION IF NOT EXISTS amcheck"))
    return postgres_fallback(connection, method);
  std::vector<std::string> problems;
  auto indexes = connection.query(
      fmt::format("SELECT n.nspname || '.' || c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                  "JOIN pg_am a ON a.oid = c.relam JOIN pg_class t ON t.oid = i.indrelid "
                  "JOIN pg_namespace n ON n.oid = t.relnamespace "
                  "WHERE a.amname = 'btree' AND n.nspname = 'public' AND t.relname IN ({}) ORDER BY 1",
                  kTables),
      {});
  if (!indexes) return {"listing the indexes: " + failure_of(indexes.error())};
  for (const auto& row : indexes->rows) {
    auto name = storage::sql::text_at(row, 0);
    // heapallindexed: every row of the table must be found in the index, too.
    auto checked = connection.query("SELECT bt_index_check($1::regclass, true)", {name});
    if (!checked) problems.push_back(fmt::format("bt_index_check({}): {}", name, failure_of(checked.error())));
  }
  for (std::string_view table : {"complaints", "complaint_events", "outbox"}) {
    auto heap = connection.query("SELECT COUNT(*) FROM verify_heapam($1::regclass)",
                                 {std::string("public.") + std::string(table)});
    if (!heap) {
      problems.push_back(fmt::format("verify_heapam({}): {}", table, failure_of(heap.error())));
    } else if (auto found = storage::sql::int_at(heap->rows.at(0), 0); found != 0) {
      problems.push_back(fmt::format("verify_heapam({}): {} corrupt tuples", table, found));
    }
  }
  method = fmt::format("amcheck: bt_index_check (heapallindexed) of {} B-tree indexes, verify_heapam of 3 tables",
                       indexes->size());
  return problems;
}

}  // namespace

std::unique_ptr<storage::sql::SqlConnection> connect_directly(const std::string& url) {
  if (url.starts_with("sqlite:")) {
    auto opened = storage::sqlite::SqliteConnection::open(url.substr(7), true);
    EXPECT_TRUE(opened.ok()) << (opened ? "" : opened.error().message().en);
    return opened ? std::move(*opened) : nullptr;
  }
  auto connected = storage::postgres::PgConnection::connect(url);
  EXPECT_TRUE(connected.ok()) << (connected ? "" : connected.error().message().en);
  return connected ? std::move(*connected) : nullptr;
}

std::vector<std::string> half_written_records(storage::sql::SqlConnection& connection) {
  std::vector<std::string> found;
  for (const auto& orphan : kOrphans) {
    auto rows = connection.query(orphan.sql, {});
    if (!rows) {
      found.push_back(fmt::format("{}: {}", orphan.what, failure_of(rows.error())));
      continue;
    }
    if (auto count = storage::sql::int_at(rows->rows.at(0), 0); count != 0) {
      found.push_back(fmt::format("{} {}", count, orphan.what));
    }
  }
  return found;
}

std::vector<std::string> integrity_problems(storage::sql::SqlConnection& connection, bool postgres,
                                            std::string& method) {
  return postgres ? postgres_integrity(connection, method) : sqlite_integrity(connection, method);
}

std::vector<std::string> stored_codes(storage::sql::SqlConnection& connection) {
  std::vector<std::string> codes;
  auto rows = connection.query("SELECT public_code FROM complaints", {});
  EXPECT_TRUE(rows.ok());
  if (rows) {
    for (const auto& row : rows->rows) codes.push_back(storage::sql::text_at(row, 0));
  }
  return codes;
}

}  // namespace sigap::testing
