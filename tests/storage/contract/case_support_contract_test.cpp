// Duplicates, support and merging on every backend: which cases a new report is compared with
// (read once, then followed through the case watchers), each supporter counted once, merged
// cases found from their master, photos kept with their kind.
#include "app/master_data/demo_data.hpp"
#include "common/time_format.hpp"
#include "storage/contract/storage_backends.hpp"

namespace sigap::testing {
namespace {

namespace dc = domain::complaints;

class CaseSupportContract : public StorageContract {
 protected:
  void SetUp() override {
    StorageContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  }

  // Stores a drainage case submitted `days_ago` before kNow; returns its id.
  std::int64_t store(const std::string& code, std::optional<domain::master_data::GeoPoint> location,
                     const std::string& kelurahan, int days_ago, dc::Status status = dc::Status::submitted,
                     bool confidential = false, std::string category = "banjir-drainase") {
    dc::Complaint complaint;
    complaint.public_code = code;
    complaint.reporter_secret_hash = "hash";
    complaint.status = status;
    complaint.title = "Got tersumbat";
    complaint.description = "Air got meluap ke jalan setiap hujan";
    complaint.category_code = std::move(category);
    complaint.region_code = kelurahan;
    complaint.location = location;
    complaint.confidential = confidential;
    complaint.unit_code = "dinas-pupr";
    complaint.submitted_at = kNow - std::chrono::days(days_ago);
    complaint.updated_at = complaint.submitted_at;
    std::int64_t id = 0;
    auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
      auto inserted = tx.complaints().insert(complaint);
      if (!inserted) return inserted.error();
      id = *inserted;
      return {};
    });
    EXPECT_TRUE(written.ok()) << written.error().log_detail();
    return id;
  }

  std::vector<std::string> open_public_codes(TimePoint since, int limit = 100) {
    auto found = storage_->complaints().open_public_cases_since(since, limit, false, std::nullopt);
    EXPECT_TRUE(found.ok());
    std::vector<std::string> codes;
    if (found.ok()) {
      for (const auto& candidate : *found) codes.push_back(candidate.public_code);
    }
    return codes;
  }

  const TimePoint kNow = *parse_utc("2026-11-26T03:00:00Z");
  static constexpr domain::master_data::GeoPoint kAmpera{-2.9918, 104.7633};
};

TEST_P(CaseSupportContract, TheOpenPublicCasesOfTheWindowAreWhatDuplicatesAreLookedFor) {
  store("SGP-AAAA-AAA1", kAmpera, "16.71.01.1001", 3);
  store("SGP-AAAA-AAA2", std::nullopt, "16.71.01.1002", 2);                                 // no pin
  store("SGP-AAAA-AAA5", kAmpera, "16.71.01.1001", 45);                                     // too old
  store("SGP-AAAA-AAA6", kAmpera, "16.71.01.1001", 1, dc::Status::closed);                  // over
  store("SGP-AAAA-AAA9", kAmpera, "16.71.01.1001", 1, dc::Status::rejected);                // over
  store("SGP-AAAA-AAA7", kAmpera, "16.71.01.1001", 1, dc::Status::submitted, true);         // confidential
  store("SGP-AAAA-AAA8", kAmpera, "16.71.01.1001", 1, dc::Status::in_progress, false, "sampah");
  auto master = store("SGP-AAAA-AAB1", kAmpera, "16.71.01.1001", 1);
  auto merged = store("SGP-AAAA-AAB2", kAmpera, "16.71.01.1001", 1);
  auto follower = storage_->complaints().find_by_id(merged);
  ASSERT_TRUE(follower.ok() && follower->has_value());
  auto complaint = **follower;
  complaint.merged_into_id = master;
  ASSERT_TRUE(storage_->write([&](app::ports::Transaction& tx) {
                        return tx.complaints().update_state(complaint, complaint.version);
                      }).ok());

  EXPECT_EQ(open_public_codes(kNow - std::chrono::days(30)),
            (std::vector<std::string>{"SGP-AAAA-AAB1", "SGP-AAAA-AAA8", "SGP-AAAA-AAA2", "SGP-AAAA-AAA1"}))
      << "newest first; closed, rejected, confidential, merged and older cases are left out";
  EXPECT_EQ(open_public_codes(kNow - std::chrono::days(30), 2),
            (std::vector<std::string>{"SGP-AAAA-AAB1", "SGP-AAAA-AAA8"}));

  auto found = storage_->complaints().open_public_cases_since(kNow - std::chrono::days(30), 100, true, std::nullopt);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 4U);
  const auto& pinned = found->at(3);
  EXPECT_EQ(pinned.title, "Got tersumbat");
  EXPECT_EQ(pinned.candidate.text, "Got tersumbat Air got meluap ke jalan setiap hujan");
  EXPECT_EQ(pinned.candidate.category_code, "banjir-drainase");
  EXPECT_EQ(pinned.candidate.kelurahan_code, "16.71.01.1001");
  EXPECT_EQ(pinned.candidate.location, kAmpera);
  EXPECT_EQ(pinned.candidate.submitted_at, kNow - std::chrono::days(3));
  EXPECT_EQ(pinned.status, dc::Status::submitted);
  EXPECT_FALSE(found->at(2).candidate.location.has_value());
  EXPECT_EQ(found->at(1).candidate.category_code, "sampah");
  EXPECT_EQ(found->at(1).status, dc::Status::in_progress);
  auto without_text =
      storage_->complaints().open_public_cases_since(kNow - std::chrono::days(30), 100, false, std::nullopt);
  ASSERT_TRUE(without_text.ok());
  ASSERT_EQ(without_text->size(), 4U);
  EXPECT_EQ(without_text->at(3).title, "");
  EXPECT_EQ(without_text->at(3).candidate.text, "");
  EXPECT_EQ(without_text->at(3).candidate.location, kAmpera) << "the rest as with the text";
  EXPECT_EQ(without_text->at(3).public_code, "SGP-AAAA-AAA1");
  // A page at a time: on from the last case of the page before.
  auto next = storage_->complaints().open_public_cases_since(
      kNow - std::chrono::days(30), 2, false,
      app::ports::OpenCaseCursor{without_text->at(1).candidate.submitted_at, without_text->at(1).candidate.id});
  ASSERT_TRUE(next.ok());
  ASSERT_EQ(next->size(), 2U);
  EXPECT_EQ(next->at(0).public_code, "SGP-AAAA-AAA2");
  EXPECT_EQ(next->at(1).public_code, "SGP-AAAA-AAA1");
}

TEST_P(CaseSupportContract, CaseWatchersHearOfWhatCommittedAndOfNothingThatFailed) {
  std::vector<app::ports::CommittedCases> heard;
  auto number = storage_->watch_cases([&](const app::ports::CommittedCases& committed) { heard.push_back(committed); });
  auto id = store("SGP-EEEE-EEE1", kAmpera, "16.71.01.1001", 1);
  ASSERT_EQ(heard.size(), 1U);
  ASSERT_EQ(heard[0].stored.size(), 1U);
  EXPECT_EQ(heard[0].stored[0].id, id);
  EXPECT_EQ(heard[0].stored[0].public_code, "SGP-EEEE-EEE1");
  EXPECT_EQ(heard[0].stored[0].reporter_secret_hash, "") << "watchers are told of cases, not of people";

  auto failed = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    dc::Complaint other = heard[0].stored[0];
    other.public_code = "SGP-EEEE-EEE2";
    if (auto inserted = tx.complaints().insert(other); !inserted) return inserted.error();
    if (auto supported = tx.complaints().add_support(id, "device:abc", kNow); !supported) return supported.error();
    return Error(ErrorCode::validation, Text{"gagal", "failed"});
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(heard.size(), 1U) << "a write rolled back is not heard of";

  ASSERT_TRUE(storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
                        if (auto added = tx.complaints().add_support(id, "device:abc", kNow); !added) {
                          return added.error();
                        }
                        if (auto again = tx.complaints().add_support(id, "device:abc", kNow); !again) {
                          return again.error();
                        }
                        return {};
                      }).ok());
  ASSERT_EQ(heard.size(), 2U);
  EXPECT_EQ(heard[1].support_counts, (std::vector<std::pair<std::int64_t, int>>{{id, 1}}))
      << "the count as stored, once per supporter";

  auto complaint = heard[0].stored[0];
  complaint.status = dc::Status::closed;
  ASSERT_TRUE(storage_->write([&](app::ports::Transaction& tx) {
                        return tx.complaints().update_state(complaint, complaint.version);
                      }).ok());
  ASSERT_EQ(heard.size(), 3U);
  ASSERT_EQ(heard[2].stored.size(), 1U);
  EXPECT_EQ(heard[2].stored[0].status, dc::Status::closed);
  EXPECT_EQ(heard[2].stored[0].version, complaint.version + 1);

  storage_->unwatch_cases(number);
  store("SGP-EEEE-EEE3", kAmpera, "16.71.01.1001", 1);
  EXPECT_EQ(heard.size(), 3U) << "no longer watching";
}

TEST_P(CaseSupportContract, EachSupporterCountsOnceAndTheCountIsStored) {
  auto id = store("SGP-BBBB-BBB1", kAmpera, "16.71.01.1001", 1);
  std::vector<bool> counted;
  for (const auto* supporter : {"device:abc", "device:abc", "user:7", "case:99"}) {
    auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
      auto added = tx.complaints().add_support(id, supporter, kNow);
      if (!added) return added.error();
      counted.push_back(*added);
      return {};
    });
    ASSERT_TRUE(written.ok()) << written.error().log_detail();
  }
  EXPECT_EQ(counted, (std::vector<bool>{true, false, true, true}));
  auto found = storage_->complaints().find_by_id(id);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->support_count, 3);
}

TEST_P(CaseSupportContract, MergedCasesAreFoundFromTheirMasterAndPhotosKeepTheirKind) {
  auto master = store("SGP-CCCC-CCC1", kAmpera, "16.71.01.1001", 2);
  auto merged = store("SGP-CCCC-CCC2", kAmpera, "16.71.01.1001", 1);
  auto found = storage_->complaints().find_by_id(merged);
  ASSERT_TRUE(found.ok() && found->has_value());
  auto complaint = **found;
  complaint.status = dc::Status::closed;
  complaint.merged_into_id = master;
  complaint.closed_at = kNow;
  app::ports::CasePhoto after;
  after.digest = std::string(64, 'a');
  after.thumbnail_digest = std::string(64, 'b');
  after.width = 640;
  after.height = 480;
  after.kind = "after";
  after.added_by = "user:3";
  after.added_at = kNow;
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    if (auto updated = tx.complaints().update_state(complaint, complaint.version); !updated) return updated;
    return tx.complaints().add_photo(master, 1, after);
  });
  ASSERT_TRUE(written.ok()) << written.error().log_detail();
  auto followers = storage_->complaints().merged_into(master);
  ASSERT_TRUE(followers.ok());
  ASSERT_EQ(followers->size(), 1U);
  EXPECT_EQ(followers->front().public_code, "SGP-CCCC-CCC2");
  EXPECT_EQ(followers->front().merged_into_id, master);
  EXPECT_EQ(followers->front().closed_at, kNow);
  auto photos = storage_->complaints().photos(master);
  ASSERT_TRUE(photos.ok());
  ASSERT_EQ(photos->size(), 1U);
  EXPECT_EQ(photos->front().kind, "after");
  EXPECT_EQ(photos->front().added_by, "user:3");
  EXPECT_EQ(photos->front().added_at, kNow);
}

TEST_P(CaseSupportContract, APublicReadByCodeLeavesThePersonalDataUnread) {
  auto id = store("SGP-DDDD-DDD1", kAmpera, "16.71.01.1001", 1);
  auto full = storage_->complaints().find_by_id(id);
  ASSERT_TRUE(full.ok() && full->has_value());
  auto complaint = **full;
  complaint.reporter.name = "Siti Aminah";
  complaint.address = "Jl. Merdeka No. 9";
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    auto again = tx.complaints().insert([&] {
      auto copy = complaint;
      copy.public_code = "SGP-DDDD-DDD2";
      return copy;
    }());
    if (!again) return again.error();
    return {};
  });
  ASSERT_TRUE(written.ok());
  auto opened = storage_->complaints().find_by_code("SGP-DDDD-DDD2");
  ASSERT_TRUE(opened.ok() && opened->has_value());
  EXPECT_EQ((*opened)->reporter.name, "Siti Aminah");
  auto public_read = storage_->complaints().find_public_by_code("SGP-DDDD-DDD2");
  ASSERT_TRUE(public_read.ok() && public_read->has_value());
  EXPECT_EQ((*public_read)->reporter.name, "") << "tracking never even decrypts the reporter";
  EXPECT_EQ((*public_read)->address, "");
  EXPECT_EQ((*public_read)->description, complaint.description);
  EXPECT_EQ((*public_read)->status, complaint.status);
}

SIGAP_STORAGE_CONTRACT(CaseSupportContract);

}  // namespace
}  // namespace sigap::testing
