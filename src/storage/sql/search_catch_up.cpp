#include "storage/sql/search_catch_up.hpp"

#include "storage/sql/sql_connection.hpp"

namespace sigap::storage::sql {

Result<std::size_t> catch_up_search(SqlBackend& backend) {
  if (backend.name() == "postgres") return std::size_t{0};
  // A read first: nothing to do is the common case and must not queue behind the writer.
  auto pending = backend.read(
      "SELECT (SELECT indexed_up_to FROM search_state), (SELECT COALESCE(MAX(id), 0) FROM complaints)", {});
  if (!pending) return pending.error();
  if (int_at(pending->rows.at(0), 1) <= int_at(pending->rows.at(0), 0)) return std::size_t{0};
  std::size_t added = 0;
  auto done = backend.transact([&](SqlConnection& connection) -> Result<void> {
    // Again inside the writer: another catch-up may have run meanwhile.
    auto bounds = connection.query(
        "SELECT (SELECT indexed_up_to FROM search_state), (SELECT COALESCE(MAX(id), 0) FROM complaints)", {});
    if (!bounds) return bounds.error();
    auto from = int_at(bounds->rows.at(0), 0);
    auto to = int_at(bounds->rows.at(0), 1);
    if (to <= from) return {};
    auto waiting = connection.query("SELECT COUNT(*) FROM complaints WHERE id > $1 AND id <= $2", {from, to});
    if (!waiting) return waiting.error();
    auto indexed = connection.query(  // (a virtual table takes no RETURNING)
        "INSERT INTO complaints_search (rowid, title, description) "
        "SELECT id, title, description FROM complaints WHERE id > $1 AND id <= $2",
        {from, to});
    if (!indexed) return indexed.error();
    added = static_cast<std::size_t>(int_at(waiting->rows.at(0), 0));
    auto moved = connection.query("UPDATE search_state SET indexed_up_to = $1", {to});
    if (!moved) return moved.error();
    return {};
  });
  if (!done) return done.error();
  return added;
}

}  // namespace sigap::storage::sql
