#include "media/blob_store.hpp"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "crypto/hashing.hpp"
#include "support/temp_dir.hpp"

namespace sigap::media {
namespace {

namespace fs = std::filesystem;

std::size_t count_files(const fs::path& directory) {
  std::size_t count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(directory)) count += entry.is_regular_file() ? 1 : 0;
  return count;
}

class BlobStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = BlobStore::open(dir_.path() / "blobs");
    ASSERT_TRUE(opened) << opened.error().log_detail();
    store_ = std::make_unique<BlobStore>(std::move(opened).value());
  }

  sigap::testing::TempDir dir_;
  std::unique_ptr<BlobStore> store_;
};

TEST_F(BlobStoreTest, RoundTripUnderTheDigestPath) {
  const std::string bytes = std::string("\xFF\xD8\xFF photo bytes \0 with a NUL", 27);
  auto digest = store_->put(bytes);
  ASSERT_TRUE(digest) << digest.error().log_detail();
  EXPECT_EQ(*digest, crypto::sha256_hex(bytes));
  EXPECT_TRUE(BlobStore::is_digest(*digest));

  const fs::path file = store_->root() / digest->substr(0, 2) / digest->substr(2, 2) / *digest;
  ASSERT_TRUE(fs::is_regular_file(file));
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(fs::status(file.parent_path()).permissions() & fs::perms::all, fs::perms::owner_all);
  EXPECT_TRUE(store_->exists(*digest));

  auto read = store_->get(*digest);
  ASSERT_TRUE(read) << read.error().log_detail();
  EXPECT_EQ(*read, bytes);
}

TEST_F(BlobStoreTest, SameBytesAreStoredOnce) {
  auto first = store_->put("same bytes");
  auto second = store_->put("same bytes");
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(*first, *second);
  auto other = store_->put("other bytes");
  ASSERT_TRUE(other);
  EXPECT_NE(*other, *first);
  EXPECT_EQ(count_files(store_->root()), 2u);
  EXPECT_TRUE(fs::is_empty(store_->root() / "tmp"));
}

TEST_F(BlobStoreTest, EmptyContentIsABlobLikeAnyOther) {
  auto digest = store_->put("");
  ASSERT_TRUE(digest);
  EXPECT_EQ(*digest, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  auto read = store_->get(*digest);
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, "");
}

TEST_F(BlobStoreTest, MissingIsNotFound) {
  const std::string digest = crypto::sha256_hex("never stored");
  EXPECT_FALSE(store_->exists(digest));
  auto read = store_->get(digest);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code(), ErrorCode::not_found);
}

TEST_F(BlobStoreTest, RemoveDeletesAndMayBeRepeated) {
  auto digest = store_->put("to be removed");
  ASSERT_TRUE(digest);
  EXPECT_TRUE(store_->remove(*digest));
  EXPECT_FALSE(store_->exists(*digest));
  EXPECT_EQ(store_->get(*digest).error().code(), ErrorCode::not_found);
  EXPECT_TRUE(store_->remove(*digest));
  EXPECT_EQ(count_files(store_->root()), 0u);
}

class BadDigest : public BlobStoreTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(BadDigest, NeverReachesTheFileSystem) {
  // A file an attacker would love to read, one level above the store.
  std::ofstream(dir_.path() / "secret") << "secret";
  const std::string& digest = GetParam();
  EXPECT_FALSE(BlobStore::is_digest(digest));
  EXPECT_FALSE(store_->exists(digest));
  auto read = store_->get(digest);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code(), ErrorCode::invalid_input);
  auto removed = store_->remove(digest);
  ASSERT_FALSE(removed);
  EXPECT_EQ(removed.error().code(), ErrorCode::invalid_input);
  EXPECT_TRUE(fs::exists(dir_.path() / "secret"));
}

const std::string kHex64 = crypto::sha256_hex("x");

INSTANTIATE_TEST_SUITE_P(Table, BadDigest,
                         ::testing::Values("", "../secret", "../../../../etc/passwd", "/etc/passwd",
                                           "ab/cd/" + kHex64.substr(6), kHex64.substr(0, 63), kHex64 + "0",
                                           std::string(64, 'A'), "../" + kHex64.substr(3),
                                           kHex64.substr(0, 60) + "/../", kHex64.substr(0, 63) + "g",
                                           kHex64.substr(0, 63) + std::string(1, '\0'), kHex64.substr(0, 62) + "\n\n",
                                           kHex64.substr(0, 32) + "%2e%2e%2f" + kHex64.substr(0, 23), "tmp"));

TEST_F(BlobStoreTest, UpperCaseDigestIsNotAnotherSpellingOfAStoredOne) {
  auto digest = store_->put("case");
  ASSERT_TRUE(digest);
  std::string upper = *digest;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_FALSE(store_->exists(upper));
}

TEST_F(BlobStoreTest, ConcurrentPutsOfTheSameBytesAgree) {
  const std::string bytes(std::size_t{256} * 1024, 'z');
  constexpr int kThreads = 8;
  std::vector<std::string> digests(kThreads);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto digest = store_->put(bytes);
      if (digest) digests[i] = *digest;
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& digest : digests) EXPECT_EQ(digest, crypto::sha256_hex(bytes));
  EXPECT_EQ(count_files(store_->root()), 1u);
  auto read = store_->get(digests[0]);
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, bytes);
}

TEST_F(BlobStoreTest, OpenClearsOnlyStaleTemporaries) {
  const fs::path stale = store_->root() / "tmp" / "blob-stale1";
  const fs::path fresh = store_->root() / "tmp" / "blob-fresh1";
  std::ofstream(stale) << "half written";
  std::ofstream(fresh) << "being written";
  fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::hours(2));
  ASSERT_TRUE(BlobStore::open(store_->root()));
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(fresh));
}

TEST(BlobStoreOpen, FailsWhenTheRootCannotBeADirectory) {
  sigap::testing::TempDir dir;
  std::ofstream(dir.path() / "file") << "not a directory";
  auto opened = BlobStore::open(dir.path() / "file");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code(), ErrorCode::internal);
  EXPECT_NE(opened.error().log_detail().find("file"), std::string::npos);
}

}  // namespace
}  // namespace sigap::media
