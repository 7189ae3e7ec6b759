#include "support/postgres_database.hpp"

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include <libpq-fe.h>
#include <unistd.h>

namespace sigap::testing {

namespace {

void admin_exec(const std::string& admin_url, const std::string& sql) {
  PGconn* connection = PQconnectdb(admin_url.c_str());
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string why = PQerrorMessage(connection);
    PQfinish(connection);
    throw std::runtime_error("test PostgreSQL: " + why);
  }
  PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);
  PGresult* result = PQexec(connection, sql.c_str());
  bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  std::string why = PQerrorMessage(connection);
  PQclear(result);
  PQfinish(connection);
  if (!ok) throw std::runtime_error("test PostgreSQL: " + sql + ": " + why);
}

// The URL with its database (the path after host:port) replaced by `name`.
std::string with_database(const std::string& url, const std::string& name) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  auto query = url.find('?');
  std::string base = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
  std::string rest = query == std::string::npos ? std::string() : url.substr(query);
  return base + "/" + name + rest;
}

}  // namespace

std::optional<std::string> PostgresDatabase::server_url() {
  const char* url = std::getenv("SIGAP_TEST_POSTGRES_URL");
  if (!url || !*url) return std::nullopt;
  return std::string(url);
}

bool PostgresDatabase::required() {
  const char* required = std::getenv("SIGAP_REQUIRE_POSTGRES");
  return required && std::string(required) == "1";
}

PostgresDatabase::PostgresDatabase() {
  auto server = server_url();
  if (!server) throw std::runtime_error("SIGAP_TEST_POSTGRES_URL is not set");
  static std::atomic<int> counter{0};
  admin_url_ = *server;
  name_ = "sigap_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  admin_exec(admin_url_, "DROP DATABASE IF EXISTS " + name_);
  admin_exec(admin_url_, "CREATE DATABASE " + name_);
  url_ = with_database(admin_url_, name_);
}

PostgresDatabase::~PostgresDatabase() {
  try {
    admin_exec(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
    // A database left behind is removed with the cluster by tools/with-postgres.
  }
}

}  // namespace sigap::testing
