// The in-memory index of open public cases (app/complaints/open_case_index) against a real
// database on every backend: it offers the same cases as the database holds, whether it read
// them at start or followed them as they were written; this process's changes show at once;
// another process's after the reload; cases leave it as they close, merge or grow old.
#include "app/complaints/open_case_index.hpp"

#include <algorithm>

#include "app/master_data/demo_data.hpp"
#include "common/time_format.hpp"
#include "storage/contract/storage_backends.hpp"
#include "support/fake_clock.hpp"

namespace sigap::testing {
namespace {

namespace dc = domain::complaints;
using app::complaints::OpenCaseIndex;
using domain::master_data::GeoPoint;
using namespace std::chrono_literals;

class OpenCaseIndexContract : public StorageContract {
 protected:
  void SetUp() override {
    StorageContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  }

  // Stores a drainage case through `storage` submitted `age` before the clock; returns it.
  dc::Complaint store(app::ports::Storage& storage, const std::string& code, std::optional<GeoPoint> location,
                      const std::string& kelurahan, std::chrono::hours age, bool confidential = false,
                      std::string category = "banjir-drainase") {
    dc::Complaint complaint;
    complaint.public_code = code;
    complaint.reporter_secret_hash = "hash";
    complaint.title = "Got tersumbat";
    complaint.description = "Air got meluap ke jalan setiap hujan deras";
    complaint.category_code = std::move(category);
    complaint.region_code = kelurahan;
    complaint.location = location;
    complaint.confidential = confidential;
    complaint.unit_code = "dinas-pupr";
    complaint.submitted_at = clock_.now() - age;
    complaint.updated_at = complaint.submitted_at;
    auto written = storage.write([&](app::ports::Transaction& tx) -> Result<void> {
      auto inserted = tx.complaints().insert(complaint);
      if (!inserted) return inserted.error();
      complaint.id = *inserted;
      return {};
    });
    EXPECT_TRUE(written.ok()) << written.error().log_detail();
    return complaint;
  }
  dc::Complaint store(const std::string& code, std::optional<GeoPoint> location, const std::string& kelurahan,
                      std::chrono::hours age = 24h, bool confidential = false,
                      std::string category = "banjir-drainase") {
    return store(*storage_, code, location, kelurahan, age, confidential, std::move(category));
  }

  void update(dc::Complaint& complaint) {
    auto written = storage_->write(
        [&](app::ports::Transaction& tx) { return tx.complaints().update_state(complaint, complaint.version); });
    ASSERT_TRUE(written.ok()) << written.error().log_detail();
    ++complaint.version;
  }

  // The codes `index` lends for a drainage report at `near` in `kelurahan`, sorted.
  std::vector<std::string> lent(OpenCaseIndex& index, std::optional<GeoPoint> near,
                                const std::string& kelurahan = "16.71.01.1002") {
    std::vector<std::string> codes;
    auto looked = index.lend_nearby("banjir-drainase", kelurahan, near, clock_.now(), 50,
                                    [&](const std::vector<const app::ports::DuplicateCandidate*>& nearby) {
                                      for (const auto* found : nearby) {
                                        EXPECT_FALSE(found->candidate.fingerprints.empty()) << "folded once, kept";
                                        codes.push_back(found->public_code);
                                      }
                                    });
    EXPECT_TRUE(looked.ok()) << looked.error().log_detail();
    std::sort(codes.begin(), codes.end());
    return codes;
  }

  int support_of(OpenCaseIndex& index, const std::string& code) {
    int count = -1;
    EXPECT_TRUE(index
                    .lend_nearby("banjir-drainase", "16.71.01.1001", kAmpera, clock_.now(), 50,
                                 [&](const auto& nearby) {
                                   for (const auto* found : nearby) {
                                     if (found->public_code == code) count = found->support_count;
                                   }
                                 })
                    .ok());
    return count;
  }

  FakeClock clock_{*parse_utc("2026-11-26T03:00:00Z")};
  static constexpr GeoPoint kAmpera{-2.9918, 104.7633};
};

TEST_P(OpenCaseIndexContract, ItLendsTheCasesOfThePlaceWhetherReadAtStartOrFollowedAsWritten) {
  OpenCaseIndex followed(*storage_, clock_);
  ASSERT_EQ(lent(followed, kAmpera), std::vector<std::string>{}) << "loads the (empty) window first";
  store("SGP-AAAA-AAA1", kAmpera, "16.71.01.1001");                                  // here
  store("SGP-AAAA-AAA2", GeoPoint{-2.9918, 104.7645}, "16.71.02.1002", 48h);         // 133 m east
  store("SGP-AAAA-AAA3", std::nullopt, "16.71.01.1002", 72h);                        // no pin, same kelurahan
  store("SGP-AAAA-AAA4", GeoPoint{-2.9918, 104.7723}, "16.71.02.1002");              // 1 km east
  store("SGP-AAAA-AAA5", GeoPoint{-2.9918, 104.7650}, "16.71.02.1002");              // 189 m east
  store("SGP-AAAA-AAA6", kAmpera, "16.71.01.1001", 31 * 24h);                        // too old
  store("SGP-AAAA-AAA7", kAmpera, "16.71.01.1001", 24h, true);                       // confidential
  store("SGP-AAAA-AAA8", kAmpera, "16.71.01.1001", 24h, false, "sampah");            // other category
  store("SGP-AAAA-AAA9", std::nullopt, "16.71.01.1001");                             // no pin, other kelurahan
  OpenCaseIndex read_at_start(*storage_, clock_);

  const std::vector<std::string> near_ampera{"SGP-AAAA-AAA1", "SGP-AAAA-AAA2", "SGP-AAAA-AAA3"};
  EXPECT_EQ(lent(followed, kAmpera), near_ampera);
  EXPECT_EQ(lent(read_at_start, kAmpera), near_ampera);
  EXPECT_EQ(lent(followed, std::nullopt), std::vector<std::string>{"SGP-AAAA-AAA3"})
      << "without a pin: the cases of the kelurahan";
  EXPECT_EQ(lent(read_at_start, std::nullopt, "16.71.01.1001"),
            (std::vector<std::string>{"SGP-AAAA-AAA1", "SGP-AAAA-AAA9"}));
  EXPECT_EQ(read_at_start.size(), followed.size());
}

TEST_P(OpenCaseIndexContract, ThisProcessChangesShowInTheVeryNextLookup) {
  OpenCaseIndex index(*storage_, clock_);
  auto master = store("SGP-BBBB-BBB1", kAmpera, "16.71.01.1001");
  auto other = store("SGP-BBBB-BBB2", kAmpera, "16.71.01.1001");
  ASSERT_EQ(lent(index, kAmpera), (std::vector<std::string>{"SGP-BBBB-BBB1", "SGP-BBBB-BBB2"}));

  other.status = dc::Status::closed;
  update(other);
  EXPECT_EQ(lent(index, kAmpera), std::vector<std::string>{"SGP-BBBB-BBB1"}) << "closed";
  other.status = dc::Status::reopened;
  update(other);
  EXPECT_EQ(lent(index, kAmpera), (std::vector<std::string>{"SGP-BBBB-BBB1", "SGP-BBBB-BBB2"})) << "reopened";
  other.merged_into_id = master.id;
  update(other);
  EXPECT_EQ(lent(index, kAmpera), std::vector<std::string>{"SGP-BBBB-BBB1"}) << "merged";

  ASSERT_TRUE(storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
                        for (const auto* supporter : {"device:a", "device:b", "device:a"}) {
                          if (auto added = tx.complaints().add_support(master.id, supporter, clock_.now()); !added) {
                            return added.error();
                          }
                        }
                        return {};
                      }).ok());
  EXPECT_EQ(support_of(index, "SGP-BBBB-BBB1"), 2);
  master.category_code = "sampah";
  update(master);
  EXPECT_EQ(lent(index, kAmpera), std::vector<std::string>{}) << "moved to another category";
  store("SGP-BBBB-BBB3", kAmpera, "16.71.01.1001", 1h, true);
  EXPECT_EQ(lent(index, kAmpera), std::vector<std::string>{}) << "a confidential case is never offered";
}

TEST_P(OpenCaseIndexContract, AnotherProcessChangesShowAfterTheReloadAndOldCasesLeave) {
  OpenCaseIndex index(*storage_, clock_, OpenCaseIndex::Options{60s});
  auto old_one = store("SGP-CCCC-CCC1", kAmpera, "16.71.01.1001", 29 * 24h);
  auto ours = store("SGP-CCCC-CCC3", kAmpera, "16.71.01.1001", 2h);
  ASSERT_EQ(lent(index, kAmpera), (std::vector<std::string>{"SGP-CCCC-CCC1", "SGP-CCCC-CCC3"}));
  auto elsewhere = open();
  store(*elsewhere, "SGP-CCCC-CCC2", kAmpera, "16.71.01.1001", 1h);
  ours.status = dc::Status::closed;
  ASSERT_TRUE(elsewhere
                  ->write([&](app::ports::Transaction& tx) -> Result<void> {
                    if (auto closed = tx.complaints().update_state(ours, ours.version); !closed) return closed;
                    if (auto added = tx.complaints().add_support(old_one.id, "device:x", clock_.now()); !added) {
                      return added.error();
                    }
                    return {};
                  })
                  .ok());
  clock_.advance(59s);
  EXPECT_EQ(lent(index, kAmpera), (std::vector<std::string>{"SGP-CCCC-CCC1", "SGP-CCCC-CCC3"}))
      << "another process's writes are not heard of; they are read at the reload";
  clock_.advance(2s);
  EXPECT_EQ(lent(index, kAmpera), (std::vector<std::string>{"SGP-CCCC-CCC1", "SGP-CCCC-CCC2"}))
      << "its new case read whole, the case it closed dropped";
  EXPECT_EQ(support_of(index, "SGP-CCCC-CCC1"), 1) << "its +1 counted";
  clock_.advance(24h);
  EXPECT_EQ(lent(index, kAmpera), std::vector<std::string>{"SGP-CCCC-CCC2"}) << "30 days old: out of the window";
  EXPECT_EQ(index.size(), 1U) << "and dropped at the reload";
}

TEST_P(OpenCaseIndexContract, ItHoldsAtMostItsBoundTheNewestFirst) {
  store("SGP-DDDD-DDD1", kAmpera, "16.71.01.1001", 72h);
  store("SGP-DDDD-DDD2", kAmpera, "16.71.01.1001", 48h);
  OpenCaseIndex index(*storage_, clock_, OpenCaseIndex::Options{60s, 2});
  EXPECT_EQ(lent(index, kAmpera), (std::vector<std::string>{"SGP-DDDD-DDD1", "SGP-DDDD-DDD2"}));
  store("SGP-DDDD-DDD3", kAmpera, "16.71.01.1001", 1h);
  EXPECT_EQ(lent(index, kAmpera), (std::vector<std::string>{"SGP-DDDD-DDD2", "SGP-DDDD-DDD3"}))
      << "the oldest left for the newest";
  EXPECT_EQ(index.size(), 2U);
  clock_.advance(61s);
  EXPECT_EQ(lent(index, kAmpera), (std::vector<std::string>{"SGP-DDDD-DDD2", "SGP-DDDD-DDD3"}))
      << "a reload reads the newest too";
}

SIGAP_STORAGE_CONTRACT(OpenCaseIndexContract);

}  // namespace
}  // namespace sigap::testing
