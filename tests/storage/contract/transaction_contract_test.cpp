// What every backend promises about Storage::write: all or nothing, each caller hears its own
// result, and concurrent writers all get through.
#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "storage/contract/storage_backends.hpp"

namespace sigap::testing {
namespace {

namespace dm = domain::master_data;
using TransactionContract = StorageContract;

dm::Unit unit(const std::string& code, const std::string& parent) {
  dm::Unit u;
  u.code = code;
  u.name = "Unit " + code;
  u.parent_code = parent;
  u.type = parent.empty() ? dm::UnitType::city : dm::UnitType::agency;
  return u;
}

Result<void> save(app::ports::Storage& storage, const dm::Unit& u) {
  return storage.write([&](app::ports::Transaction& tx) -> Result<void> {
    auto saved = tx.master_data().save_unit(u);
    if (!saved) return saved.error();
    return {};
  });
}

std::size_t unit_count(app::ports::Storage& storage) {
  auto all = storage.units().list({});
  EXPECT_TRUE(all.ok());
  return all.ok() ? all->size() : 0;
}

TEST_P(TransactionContract, WorkThatFailsKeepsNothingAndItsErrorComesBack) {
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    if (auto saved = tx.master_data().save_unit(unit("pemkot", "")); !saved) return saved.error();
    return Error(ErrorCode::validation, Text{"tidak", "no"}, {FieldError{"name", Text{"x", "x"}}});
  });
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().code(), ErrorCode::validation);
  ASSERT_EQ(written.error().fields().size(), 1U);
  EXPECT_EQ(written.error().fields()[0].field, "name");
  EXPECT_EQ(unit_count(*storage_), 0U);
}

TEST_P(TransactionContract, WorkThatThrowsIsAnInternalErrorAndKeepsNothing) {
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    (void)tx.master_data().save_unit(unit("pemkot", ""));
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().code(), ErrorCode::internal);
  EXPECT_EQ(unit_count(*storage_), 0U);
}

TEST_P(TransactionContract, ConcurrentWritersAllCommitAndFailuresDoNotSpillOver) {
  ASSERT_TRUE(save(*storage_, unit("pemkot", "")).ok());
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::atomic<int> committed{0}, refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        // Every third write names a parent that does not exist: it must fail alone.
        bool bad = i % 3 == 0;
        auto code = "unit-" + std::to_string(t) + "-" + std::to_string(i);
        auto result = save(*storage_, unit(code, bad ? "missing-parent" : "pemkot"));
        (result.ok() ? committed : refused).fetch_add(1);
        EXPECT_EQ(result.ok(), !bad) << code;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  int bad_each = (kEach + 2) / 3;
  EXPECT_EQ(refused.load(), kThreads * bad_each);
  EXPECT_EQ(committed.load(), kThreads * (kEach - bad_each));
  EXPECT_EQ(unit_count(*storage_), static_cast<std::size_t>(committed.load() + 1));
  auto stats = storage_->stats();
  EXPECT_GE(stats.transactions, static_cast<std::uint64_t>(committed.load()));
  EXPECT_LE(stats.commits, stats.transactions + 1) << "a commit never holds less than one transaction";
}

TEST_P(TransactionContract, WhatOneHandleCommittedAnotherHandleReads) {
  ASSERT_TRUE(save(*storage_, unit("pemkot", "")).ok());
  auto second = open();
  ASSERT_NE(second, nullptr);
  auto found = second->units().find_by_code("pemkot");
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->has_value());
  storage_.reset();  // closing the first handle loses nothing
  auto third = open();
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(unit_count(*third), 1U);
}

// write_queued: what the web intake uses where writes are queued (SQLite).
TEST_P(TransactionContract, QueuedWritesEachHearTheirOwnResultOnceDurable) {
  ASSERT_TRUE(save(*storage_, unit("pemkot", "")).ok());
  EXPECT_EQ(storage_->queues_writes(), GetParam() == "sqlite");
  constexpr int kWrites = 60;
  std::mutex mutex;
  std::condition_variable all_heard;
  std::vector<std::optional<bool>> heard(kWrites);
  std::vector<std::size_t> units_seen(kWrites);
  int count = 0;
  for (int i = 0; i < kWrites; ++i) {
    bool bad = i % 4 == 0;  // names a parent that does not exist: fails alone
    auto code = "queued-" + std::to_string(i);
    storage_->write_queued(
        [u = unit(code, bad ? "missing-parent" : "pemkot")](app::ports::Transaction& tx) -> Result<void> {
          auto saved = tx.master_data().save_unit(u);
          if (!saved) return saved.error();
          return {};
        },
        [&, i, code](Result<void> written) {
          // Once told, the write is committed: a reader sees it (or, failed, not).
          auto found = storage_->units().find_by_code(code);
          std::lock_guard lock(mutex);
          heard[i] = written.ok();
          units_seen[i] = found.ok() && found->has_value() ? 1 : 0;
          if (++count == kWrites) all_heard.notify_all();
        });
  }
  std::unique_lock lock(mutex);
  ASSERT_TRUE(all_heard.wait_for(lock, std::chrono::seconds(30), [&] { return count == kWrites; }));
  for (int i = 0; i < kWrites; ++i) {
    ASSERT_TRUE(heard[i].has_value()) << i;
    EXPECT_EQ(*heard[i], i % 4 != 0) << i;
    EXPECT_EQ(units_seen[i], *heard[i] ? 1U : 0U) << i;
  }
  lock.unlock();
  EXPECT_EQ(unit_count(*storage_), 1U + kWrites - (kWrites + 3) / 4);
}

TEST_P(TransactionContract, QueuedWriteThatThrowsIsAnInternalErrorAndKeepsNothing) {
  std::promise<Result<void>> outcome;
  storage_->write_queued(
      [](app::ports::Transaction& tx) -> Result<void> {
        (void)tx.master_data().save_unit(unit("pemkot", ""));
        throw std::runtime_error("boom");
      },
      [&](Result<void> written) { outcome.set_value(std::move(written)); });
  auto written = outcome.get_future().get();
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().code(), ErrorCode::internal);
  EXPECT_EQ(unit_count(*storage_), 0U);
}

TEST_P(TransactionContract, PingAnswersAndStatsNameThePool) {
  EXPECT_TRUE(storage_->ping().ok());
  EXPECT_GE(storage_->stats().reader_pool_size, 1U);
  EXPECT_EQ(storage_->backend(), GetParam());
}

SIGAP_STORAGE_CONTRACT(TransactionContract);

}  // namespace
}  // namespace sigap::testing
