// Kept<T> (common/kept.hpp): what the SLA book, the routing book and the unit tree are kept by.
// A value is read once while fresh, read again when stale or invalidated, a failed read is
// not kept, and a read that began before an invalidate() is answered but not kept.
#include "common/kept.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sigap {
namespace {

using namespace std::chrono_literals;

constexpr TimePoint kStart{std::chrono::seconds(1'780'000'000)};

TEST(Kept, ReadsOnceWhileFreshAndAgainWhenStale) {
  Kept<std::string> kept(10s);
  int reads = 0;
  auto read = [&]() -> Result<std::string> { return "versi " + std::to_string(++reads); };
  EXPECT_EQ(**kept.get(kStart, read), "versi 1");
  EXPECT_EQ(**kept.get(kStart + 9s, read), "versi 1");
  EXPECT_EQ(**kept.get(kStart + 10s, read), "versi 2") << "10 s old is stale";
  EXPECT_EQ(**kept.get(kStart + 5s, read), "versi 3") << "a clock that went back reads again";
  EXPECT_EQ(reads, 3);
}

TEST(Kept, AnInvalidateReadsAgainAndAFailedReadKeepsNothing) {
  Kept<std::string> kept(10s);
  int reads = 0;
  bool fail = false;
  auto read = [&]() -> Result<std::string> {
    ++reads;
    if (fail) return Error(ErrorCode::unavailable, Text{"Basis data mati.", "The database is down."});
    return "versi " + std::to_string(reads);
  };
  EXPECT_EQ(**kept.get(kStart, read), "versi 1");
  kept.invalidate();
  fail = true;
  auto failed = kept.get(kStart + 1s, read);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code(), ErrorCode::unavailable);
  fail = false;
  EXPECT_EQ(**kept.get(kStart + 2s, read), "versi 3");
  EXPECT_EQ(reads, 3);
}

TEST(Kept, AReadThatBeganBeforeAnInvalidateIsAnsweredButNotKept) {
  Kept<std::string> kept(10s);
  int reads = 0;
  // The admin's edit lands while the first read is under way: that read may predate it.
  auto read_during_edit = [&]() -> Result<std::string> {
    ++reads;
    kept.invalidate();
    return std::string("sebelum suntingan");
  };
  EXPECT_EQ(**kept.get(kStart, read_during_edit), "sebelum suntingan");
  auto read = [&]() -> Result<std::string> {
    ++reads;
    return std::string("sesudah suntingan");
  };
  EXPECT_EQ(**kept.get(kStart + 1s, read), "sesudah suntingan");
  EXPECT_EQ(**kept.get(kStart + 2s, read), "sesudah suntingan");
  EXPECT_EQ(reads, 2);
}

}  // namespace
}  // namespace sigap
