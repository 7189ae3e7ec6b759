#include "storage/sql/reseal.hpp"

#include <fmt/format.h>

namespace sigap::storage::sql {

const std::vector<SealedColumns>& sealed_columns() {
  static const std::vector<SealedColumns> columns{
      {"users", "id", {"email", "display_name", "phone", "nik", "totp_secret"}},
      {"complaints", "id", {"address", "reporter_name", "reporter_phone", "reporter_email", "reporter_nik", "reporter_chat_id"}},
      {"idempotency_keys", "key", {"response"}},
      {"webhook_subscriptions", "id", {"secret"}},  // not personal, but a credential sealed the same way
      {"cameras", "id", {"snapshot_url", "username", "password"}},  // camera credentials, sealed the same way
      {"conversations", "address_index", {"address", "fields"}},  // messaging channels (issue #8)
  };
  return columns;
}

Result<std::size_t> reseal_all(SqlConnection& connection, const PersonalDataSealer& sealer) {
  std::size_t changed = 0;
  for (const auto& table : sealed_columns()) {
    std::string select = fmt::format("SELECT {}", table.key);
    std::string update = fmt::format("UPDATE {} SET ", table.table);
    std::size_t index = 1;
    for (auto column : table.columns) {
      select += fmt::format(", {}", column);
      if (index > 1) update += ", ";
      update += fmt::format("{} = ${}", column, index++);
    }
    select += fmt::format(" FROM {} ORDER BY {}", table.table, table.key);
    update += fmt::format(" WHERE {} = ${}", table.key, index);
    auto rows = connection.query(select, {});
    if (!rows) return rows.error();
    for (const auto& row : rows->rows) {
      std::vector<SqlValue> values;
      bool stale = false;
      for (std::size_t column = 1; column <= table.columns.size(); ++column) {
        auto sealed = text_at(row, column);
        if (!sealer.is_current(sealed)) stale = true;
        auto opened = sealer.open(sealed);
        if (!opened) return opened.error();
        values.emplace_back(sealer.seal(*opened));
      }
      if (!stale) continue;
      values.emplace_back(text_at(row, 0));
      if (auto updated = connection.query(update, values); !updated) return updated.error();
      ++changed;
    }
  }
  return changed;
}

}  // namespace sigap::storage::sql
