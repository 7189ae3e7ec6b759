// Migrations: applied once, recorded, and a database newer than the code is refused.
#include "storage/contract/storage_backends.hpp"
#include "storage/database_url.hpp"
#include "storage/migrations/migrations.hpp"
#include "storage/open_storage.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace sigap::testing {
namespace {

using MigrationContract = StorageContract;

// A raw connection to this test's database, below the Storage port.
std::unique_ptr<storage::sql::SqlConnection> raw_connection(const std::string& url_text) {
  auto url = storage::parse_database_url(url_text);
  if (url->kind == storage::DatabaseUrl::Kind::sqlite) {
    auto connection = storage::sqlite::SqliteConnection::open(url->target, false);
    return connection ? std::move(*connection) : nullptr;
  }
  auto connection = storage::postgres::PgConnection::connect(url->target);
  return connection ? std::move(*connection) : nullptr;
}

std::int64_t schema_version(const std::string& url) {
  auto connection = raw_connection(url);
  auto rows = connection->query("SELECT MAX(version) FROM schema_migrations", {});
  EXPECT_TRUE(rows.ok());
  return rows.ok() ? storage::sql::int_at(rows->rows.at(0), 0) : -1;
}

TEST_P(MigrationContract, AFreshDatabaseIsAtTheLatestVersionAndReopeningChangesNothing) {
  auto migrations = GetParam() == "sqlite" ? storage::migrations::sqlite_migrations()
                                           : storage::migrations::postgres_migrations();
  auto latest = migrations.back().version;
  EXPECT_EQ(schema_version(url()), latest);
  storage_.reset();
  auto again = open();
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(schema_version(url()), latest);
  auto connection = raw_connection(url());
  auto rows = connection->query("SELECT COUNT(*) FROM schema_migrations", {});
  ASSERT_TRUE(rows.ok());
  // Numbers may have gaps (each change is given its number up front): one row per migration.
  EXPECT_EQ(storage::sql::int_at(rows->rows.at(0), 0), static_cast<std::int64_t>(migrations.size()))
      << "each migration recorded once";
}

TEST_P(MigrationContract, ADatabaseNewerThanTheCodeIsRefused) {
  storage_.reset();
  {
    auto connection = raw_connection(url());
    ASSERT_NE(connection, nullptr);
    auto bumped = connection->query(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 'x')", {});
    ASSERT_TRUE(bumped.ok()) << bumped.error().log_detail();
  }
  auto parsed = storage::parse_database_url(url());
  auto opened = storage::open_storage(*parsed, {1, keyring_});
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code(), ErrorCode::conflict);
  EXPECT_NE(opened.error().message().en.find("999"), std::string::npos) << opened.error().message().en;
}

SIGAP_STORAGE_CONTRACT(MigrationContract);

}  // namespace
}  // namespace sigap::testing
