#include "storage/postgres/pg_connection.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

namespace sigap::storage::postgres {

namespace {

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

std::string value_text(const sql::SqlValue& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  if (const auto* real = std::get_if<double>(&value)) return fmt::format("{}", *real);
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return {};
}

Error error_from(pg_conn* connection, const PGresult* result, std::string_view context) {
  std::string state;
  if (result) {
    const char* code = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    if (code) state = code;
  }
  std::string detail = fmt::format("postgres: {} [{}] in: {}", PQerrorMessage(connection), state,
                                   context.substr(0, 200));
  if (state.starts_with("23")) {  // integrity constraint violation
    Error error(ErrorCode::conflict, Text{"Data bertentangan dengan data yang sudah ada.",
                                          "The data conflicts with what is already stored."});
    return error.with_log_detail(detail);
  }
  if (PQstatus(connection) != CONNECTION_OK || state.starts_with("08") || state.starts_with("57P") ||
      state == "53300") {
    Error error(ErrorCode::unavailable, Text{"Basis data sedang tidak dapat melayani.",
                                             "The database cannot serve right now."});
    return error.with_log_detail(detail);
  }
  return Error::internal(detail);
}

}  // namespace

std::string redact_url(std::string_view url) {
  auto scheme = url.find("://");
  auto at = url.rfind('@');
  if (scheme == std::string_view::npos || at == std::string_view::npos || at < scheme) return std::string(url);
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return fmt::format("{}***{}", url.substr(0, colon + 1), url.substr(at));
}

Result<std::unique_ptr<PgConnection>> PgConnection::connect(const std::string& url) {
  pg_conn* connection = PQconnectdb(url.c_str());
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string why = PQerrorMessage(connection);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    for (auto& c : why) {
      if (c == '\n') c = ' ';
    }
    PQfinish(connection);
    return Error(ErrorCode::unavailable,
                 Text{fmt::format("tidak dapat tersambung ke PostgreSQL {}: {}", redact_url(url), why),
                      fmt::format("cannot connect to PostgreSQL {}: {}", redact_url(url), why)});
  }
  std::unique_ptr<PgConnection> result(new PgConnection(connection));
  // Notices (e.g. "relation already exists, skipping") are not errors; keep them off stderr.
  PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);
  if (auto set = result->execute_script("SET TIME ZONE 'UTC'"); !set) return set.error();
  return result;
}

PgConnection::~PgConnection() { PQfinish(connection_); }

bool PgConnection::healthy() const { return PQstatus(connection_) == CONNECTION_OK; }

Result<sql::SqlRows> PgConnection::query(std::string_view sql, const std::vector<sql::SqlValue>& params) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    auto name = fmt::format("s{}", statements_.size() + 1);
    std::string text(sql);
    PgResult prepared(PQprepare(connection_, name.c_str(), text.c_str(), 0, nullptr));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) return error_from(connection_, prepared.get(), sql);
    found = statements_.emplace(std::move(text), std::move(name)).first;
  }
  std::vector<std::string> texts;
  std::vector<const char*> values;
  texts.reserve(params.size());
  values.reserve(params.size());
  for (const auto& param : params) {
    texts.push_back(value_text(param));
    values.push_back(std::holds_alternative<std::monostate>(param) ? nullptr : texts.back().c_str());
  }
  PgResult result(PQexecPrepared(connection_, found->second.c_str(), static_cast<int>(values.size()), values.data(),
                                 nullptr, nullptr, 0));
  auto status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return error_from(connection_, result.get(), sql);
  sql::SqlRows rows;
  int count = PQntuples(result.get());
  int columns = PQnfields(result.get());
  rows.rows.reserve(static_cast<std::size_t>(count));
  for (int r = 0; r < count; ++r) {
    std::vector<std::optional<std::string>> row(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result.get(), r, c)) continue;
      row[static_cast<std::size_t>(c)] =
          std::string(PQgetvalue(result.get(), r, c), static_cast<std::size_t>(PQgetlength(result.get(), r, c)));
    }
    rows.rows.push_back(std::move(row));
  }
  return rows;
}

Result<void> PgConnection::execute_script(std::string_view sql) {
  std::string text(sql);
  PgResult result(PQexec(connection_, text.c_str()));
  auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return error_from(connection_, result.get(), sql);
  return {};
}

}  // namespace sigap::storage::postgres
