// Complaints on every backend: stored whole, personal data sealed, one complaint per
// Idempotency-Key however many retries race, events and outbox written together.
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "app/complaints/submit_complaint.hpp"
#include "app/master_data/demo_data.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "common/time_format.hpp"
#include "storage/contract/storage_backends.hpp"
#include "support/fake_clock.hpp"
#include "support/personal_data_sentinels.hpp"

namespace sigap::testing {
namespace {

namespace dc = domain::complaints;

class ComplaintContract : public StorageContract {
 protected:
  void SetUp() override {
    StorageContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  }

  app::complaints::SubmitRequest request(std::string key = {}) {
    app::complaints::SubmitRequest submit;
    submit.draft.description = "Jalan berlubang besar di depan SD Negeri 3, sudah dua minggu";
    submit.draft.region_code = "16.71.01.1001";
    submit.draft.latitude = -2.9761;
    submit.draft.longitude = 104.7754;
    submit.draft.address = "Jl. Merdeka No. 9";
    submit.draft.reporter_name = std::string(kSentinelName);
    submit.draft.reporter_phone = std::string(kSentinelPhone);
    submit.draft.reporter_email = std::string(kSentinelEmail);
    submit.draft.reporter_nik = std::string(kSentinelNik);
    submit.idempotency_key = std::move(key);
    submit.request_fingerprint = "fingerprint-1";
    return submit;
  }

  static std::string render(const app::complaints::SubmittedComplaint& submitted) {
    return "{\"code\":\"" + submitted.complaint.public_code + "\"}";
  }

  FakeClock clock_{*parse_utc("2026-11-26T03:00:00Z")};  // Thursday 10:00 WIB
};

TEST_P(ComplaintContract, AComplaintIsStoredWholeWithItsFirstEventAndOutboxRow) {
  app::sla::SlaRules sla_rules(*storage_, clock_, app::sla::indonesia_calendar());
  app::complaints::ComplaintIntake intake(*storage_, clock_, sla_rules, {});
  auto answer = intake.submit(request(), render);
  ASSERT_TRUE(answer.ok()) << answer.error().message().en << " " << answer.error().log_detail();
  const auto& created = answer->created->complaint;
  auto found = storage_->complaints().find_by_code(created.public_code);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ(**found, created);
  EXPECT_EQ((*found)->reporter.phone, "+6281171715511");
  EXPECT_EQ((*found)->unit_code, "dinas-pupr");
  EXPECT_EQ((*found)->deadlines.verify, *parse_utc("2026-12-01T09:00:00Z"))
      << "3 working days: Fri, Mon, Tue, closing 16:00 WIB";
  auto events = storage_->complaints().events(created.id, true);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1U);
  EXPECT_EQ(events->front().type, "submitted");
  EXPECT_EQ(events->front().to_status, dc::Status::submitted);
}

TEST_P(ComplaintContract, RetriesWithOneKeyRacingCreateExactlyOneComplaint) {
  app::sla::SlaRules sla_rules(*storage_, clock_, app::sla::indonesia_calendar());
  app::complaints::ComplaintIntake intake(*storage_, clock_, sla_rules, {});
  std::vector<std::thread> threads;
  std::atomic<int> created{0}, replayed{0};
  std::mutex mutex;
  std::set<std::string> answers;
  for (int i = 0; i < 10; ++i) {
    threads.emplace_back([&] {
      auto answer = intake.submit(request("same-key"), render);
      ASSERT_TRUE(answer.ok()) << answer.error().log_detail();
      (answer->replayed ? replayed : created).fetch_add(1);
      std::lock_guard lock(mutex);
      answers.insert(answer->response);
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(replayed.load(), 9);
  EXPECT_EQ(answers.size(), 1U);
  auto count = storage_->complaints().count();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 1);
  auto other = request("same-key");
  other.request_fingerprint = "another body";
  auto refused = intake.submit(other, render);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::validation);
}

TEST_P(ComplaintContract, TheMostSpecificRoutingRuleWins) {
  ASSERT_TRUE(storage_->write([](app::ports::Transaction& tx) -> Result<void> {
                        if (auto saved = tx.complaints().save_routing_rule({"jalan-rusak", "16.71.01", "kecamatan-16.71.01"});
                            !saved) {
                          return saved;
                        }
                        return tx.complaints().save_routing_rule({"jalan-rusak", "16.71.01.1001", "kelurahan-16.71.01.1001"});
                      }).ok());
  app::sla::SlaRules sla_rules(*storage_, clock_, app::sla::indonesia_calendar());
  app::complaints::ComplaintIntake intake(*storage_, clock_, sla_rules, {});
  auto in_kelurahan = intake.submit(request(), render);
  ASSERT_TRUE(in_kelurahan.ok());
  EXPECT_EQ(in_kelurahan->created->complaint.unit_code, "kelurahan-16.71.01.1001");
  auto elsewhere = request();
  elsewhere.draft.region_code = "16.71.01.1002";
  auto in_kecamatan = intake.submit(elsewhere, render);
  ASSERT_TRUE(in_kecamatan.ok());
  EXPECT_EQ(in_kecamatan->created->complaint.unit_code, "kecamatan-16.71.01");
}

TEST_P(ComplaintContract, AStaffListHoldsTheUnitsSubtreeNewestFirst) {
  ASSERT_TRUE(storage_->write([](app::ports::Transaction& tx) -> Result<void> {
                        return tx.complaints().save_routing_rule({"jalan-rusak", "16.71.01", "kelurahan-16.71.01.1001"});
                      }).ok());
  app::sla::SlaRules sla_rules(*storage_, clock_, app::sla::indonesia_calendar());
  app::complaints::ComplaintIntake intake(*storage_, clock_, sla_rules, {});
  auto first = intake.submit(request(), render);
  auto second = intake.submit(request(), render);
  ASSERT_TRUE(first.ok() && second.ok());
  app::ports::CaseListQuery query;
  query.unit_roots = {"kecamatan-16.71.01"};
  auto listed = storage_->complaints().list_cases(query);
  ASSERT_TRUE(listed.ok()) << listed.error().log_detail();
  ASSERT_EQ(listed->size(), 2U) << "the kelurahan office is below the kecamatan office";
  EXPECT_GT(listed->front().id, listed->back().id);
  query.filter.cursor = domain::complaints::CaseCursor{"", listed->front().id};
  auto older = storage_->complaints().list_cases(query);
  ASSERT_TRUE(older.ok());
  ASSERT_EQ(older->size(), 1U);
  query = {};
  query.unit_roots = {"dinas-pupr"};
  EXPECT_TRUE(storage_->complaints().list_cases(query)->empty());
  query = {};
  query.everywhere = true;
  query.filter.statuses = {dc::Status::submitted};
  EXPECT_EQ(storage_->complaints().list_cases(query)->size(), 2U);
}

SIGAP_STORAGE_CONTRACT(ComplaintContract);

}  // namespace
}  // namespace sigap::testing
