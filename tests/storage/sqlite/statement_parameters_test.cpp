// The SQLite connection binds $1..$N by number, as PostgreSQL does, whatever order the SQL names
// them in and however often: the map from number to SQLite's slot is made once per statement.
#include <string>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_connection.hpp"
#include "support/temp_dir.hpp"

namespace sigap::testing {
namespace {

using storage::sql::SqlValue;

std::string text_at(const storage::sql::SqlRows& rows, std::size_t column) {
  return rows.rows.at(0).at(column).value_or("NULL");
}

TEST(SqliteStatementParameters, NumbersBindWhereverAndHoweverOftenTheyAppear) {
  TempDir dir;
  auto connection = storage::sqlite::SqliteConnection::open((dir.path() / "p.db").string(), false);
  ASSERT_TRUE(connection.ok()) << connection.error().log_detail();
  auto& db = **connection;
  // $3 first, $1 twice, $2 last; the same text run again with other values reuses the statement.
  const std::string sql = "SELECT $3 || '-' || $1, $1 + 0, $2";
  auto first = db.query(sql, {SqlValue(std::int64_t{7}), SqlValue(std::string("b")), SqlValue(std::string("c"))});
  ASSERT_TRUE(first.ok()) << first.error().log_detail();
  EXPECT_EQ(text_at(*first, 0), "c-7");
  EXPECT_EQ(text_at(*first, 1), "7");
  EXPECT_EQ(text_at(*first, 2), "b");
  auto again = db.query(sql, {SqlValue(std::int64_t{9}), SqlValue(std::monostate{}), SqlValue(std::string("x"))});
  ASSERT_TRUE(again.ok()) << again.error().log_detail();
  EXPECT_EQ(text_at(*again, 0), "x-9");
  EXPECT_EQ(text_at(*again, 2), "NULL");
}

TEST(SqliteStatementParameters, AParameterTheSqlDoesNotNameIsIgnored) {
  TempDir dir;
  auto connection = storage::sqlite::SqliteConnection::open((dir.path() / "p.db").string(), false);
  ASSERT_TRUE(connection.ok());
  auto rows = (*connection)->query("SELECT $2", {SqlValue(std::string("unused")), SqlValue(std::string("two"))});
  ASSERT_TRUE(rows.ok()) << rows.error().log_detail();
  EXPECT_EQ(text_at(*rows, 0), "two");
}

TEST(SqliteStatementParameters, AFourHundredParameterBatchBindsEachInItsPlace) {
  TempDir dir;
  auto connection = storage::sqlite::SqliteConnection::open((dir.path() / "p.db").string(), false);
  ASSERT_TRUE(connection.ok());
  std::string sql = "SELECT ";
  std::vector<SqlValue> params;
  for (int i = 1; i <= 400; ++i) {
    sql += (i > 1 ? " + " : "") + std::string("$") + std::to_string(401 - i);
    params.emplace_back(std::int64_t{i});
  }
  auto rows = (*connection)->query(sql, params);
  ASSERT_TRUE(rows.ok()) << rows.error().log_detail();
  EXPECT_EQ(text_at(*rows, 0), std::to_string(400 * 401 / 2));
}

}  // namespace
}  // namespace sigap::testing
