// The SQLite backend copies its write-ahead log back into the database on a thread of its own
// (the writer only appends): under steady writes the log must still stay small, and what was
// written must reach the database file and survive a reopen.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "storage/database_url.hpp"
#include "storage/open_storage.hpp"
#include "support/temp_dir.hpp"
#include "support/test_keys.hpp"

namespace sigap::testing {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<app::ports::Storage> open_sqlite(const fs::path& file) {
  auto url = storage::parse_database_url("sqlite:" + file.string());
  EXPECT_TRUE(url.ok());
  auto opened = storage::open_storage(*url, {2, test_keyring()});
  EXPECT_TRUE(opened.ok());
  return opened.ok() ? std::move(*opened) : nullptr;
}

TEST(SqliteCheckpoint, SteadyWritesKeepTheLogSmallAndEveryRowReachesTheDatabase) {
  TempDir dir;
  auto file = dir.path() / "sigap.db";
  constexpr int kUnits = 400;
  constexpr std::size_t kNameBytes = 32 * 1024;  // 400 x 32 KiB: about 3 times the 4 MiB log limit
  {
    auto storage = open_sqlite(file);
    ASSERT_NE(storage, nullptr);
    for (int i = 0; i < kUnits; ++i) {
      domain::master_data::Unit unit;
      unit.code = "unit-" + std::to_string(i);
      unit.name = std::string(kNameBytes, static_cast<char>('a' + i % 26));
      unit.type = domain::master_data::UnitType::agency;
      auto written = storage->write([&](app::ports::Transaction& tx) -> Result<void> {
        auto saved = tx.master_data().save_unit(unit);
        if (!saved) return saved.error();
        return {};
      });
      ASSERT_TRUE(written.ok()) << written.error().message().en;
    }
    // Without checkpoints the log would hold all 12.5 MiB; with them it is reused from its start.
    auto log_bytes = fs::file_size(fs::path(file.string() + "-wal"));
    EXPECT_LT(log_bytes, 9U * 1024 * 1024) << "write-ahead log of " << log_bytes << " bytes";
    EXPECT_GT(fs::file_size(file), 6U * 1024 * 1024) << "the checkpoints copied little into the database";
  }
  auto reopened = open_sqlite(file);
  ASSERT_NE(reopened, nullptr);
  auto units = reopened->units().list({});
  ASSERT_TRUE(units.ok());
  EXPECT_EQ(units->size(), static_cast<std::size_t>(kUnits));
}

}  // namespace
}  // namespace sigap::testing
