// sqlite_memory_mib: SQLite's memory in the server (page caches of the writer and every reader)
// stays near its bound however much of the database is written and read, so the server's
// resident size levels off instead of creeping up under a steady load (bench/SOAK.md).
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "storage/database_url.hpp"
#include "storage/open_storage.hpp"
#include "storage/sqlite/sqlite_backend.hpp"
#include "support/temp_dir.hpp"
#include "support/test_keys.hpp"

namespace sigap::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kMiB = 1024 * 1024;

// Writes 24 MiB of units, then reads them all back through the readers; returns what SQLite
// holds at the end.
std::uint64_t memory_after_writing_and_reading(std::int64_t bound_bytes) {
  TempDir dir;
  auto url = storage::parse_database_url("sqlite:" + (dir.path() / "sigap.db").string());
  EXPECT_TRUE(url.ok());
  auto opened = storage::open_storage(*url, {2, test_keyring(), bound_bytes});
  EXPECT_TRUE(opened.ok());
  if (!opened.ok()) return 0;
  auto& storage = **opened;
  constexpr int kUnits = 768;
  constexpr std::size_t kNameBytes = 32 * 1024;
  for (int i = 0; i < kUnits; ++i) {
    domain::master_data::Unit unit;
    unit.code = "unit-" + std::to_string(i);
    unit.name = std::string(kNameBytes, static_cast<char>('a' + i % 26));
    unit.type = domain::master_data::UnitType::agency;
    auto written = storage.write([&](app::ports::Transaction& tx) -> Result<void> {
      auto saved = tx.master_data().save_unit(unit);
      if (!saved) return saved.error();
      return {};
    });
    EXPECT_TRUE(written.ok());
  }
  for (int round = 0; round < 2; ++round) {
    auto units = storage.units().list({});
    EXPECT_TRUE(units.ok());
    if (units.ok()) {
      EXPECT_EQ(units->size(), static_cast<std::size_t>(kUnits));
    }
  }
  return storage.stats().memory_bytes;
}

TEST(SqliteMemoryBound, PageCachesStayNearTheBoundAfterWritingAndReadingMoreThanIt) {
  auto bounded = memory_after_writing_and_reading(4 * kMiB);
  auto unbounded = memory_after_writing_and_reading(0);
  storage::sqlite::SqliteBackend::limit_memory(0);
  EXPECT_LT(bounded, static_cast<std::uint64_t>(6 * kMiB)) << "SQLite holds " << bounded << " bytes with a 4 MiB bound";
  // The same work without the bound keeps far more: the bound is what made the difference.
  EXPECT_GT(unbounded, static_cast<std::uint64_t>(16 * kMiB)) << "SQLite holds " << unbounded << " bytes unbounded";
}

}  // namespace
}  // namespace sigap::testing
