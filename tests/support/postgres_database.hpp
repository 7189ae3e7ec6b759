#pragma once

#include <optional>
#include <string>

namespace sigap::testing {

/// A throw-away PostgreSQL database on the server that tools/with-postgres started (its URL in
/// SIGAP_TEST_POSTGRES_URL): created empty on construction, dropped on destruction.
class PostgresDatabase {
 public:
  PostgresDatabase();
  ~PostgresDatabase();
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  /// The URL of the fresh database.
  [[nodiscard]] const std::string& url() const { return url_; }

  /// The server's admin URL, or nullopt when no test server was started.
  static std::optional<std::string> server_url();
  /// True when tests must not skip PostgreSQL (SIGAP_REQUIRE_POSTGRES=1, set by make test).
  static bool required();

 private:
  std::string admin_url_;
  std::string name_;
  std::string url_;
};

}  // namespace sigap::testing
