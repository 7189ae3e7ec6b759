#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"

namespace sigap::storage {

/// Where the data lives: "sqlite:PATH" (a file, created when missing) or
/// "postgres://user:password@host:port/database" (also "postgresql://").
struct DatabaseUrl {
  enum class Kind { sqlite, postgres };
  Kind kind = Kind::sqlite;
  std::string target;  // the file path, or the whole libpq URI
};

/// A validation error naming `field` when the URL has another scheme, an empty path, or a
/// PostgreSQL URI that libpq cannot parse.
Result<DatabaseUrl> parse_database_url(std::string_view url, std::string_view field = "db");

}  // namespace sigap::storage
