// Open311 on every backend: category attributes (service definitions) with their options, the
// submissions kept beside their cases, and what GET requests adds to a case.
#include "app/identity/api_keys.hpp"
#include "app/master_data/demo_data.hpp"
#include "common/time_format.hpp"
#include "storage/contract/storage_backends.hpp"
#include "support/fake_clock.hpp"

namespace sigap::testing {
namespace {

namespace dc = domain::complaints;
namespace dm = domain::master_data;

class Open311Contract : public StorageContract {
 protected:
  void SetUp() override {
    StorageContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
    auto key = app::identity::create_api_key(*storage_, clock_,
                                             {"Aplikasi warga", "diskominfo", {domain::access::Action::submit_case}},
                                             "test");
    ASSERT_TRUE(key.ok()) << key.error().message().en;
    api_key_id_ = key->key.id;
  }

  std::int64_t store_case(const std::string& code) {
    dc::Complaint complaint;
    complaint.public_code = code;
    complaint.reporter_secret_hash = "hash";
    complaint.description = "Air tergenang setinggi lutut di depan pasar";
    complaint.category_code = "banjir-drainase";
    complaint.channel = dc::Channel::open311;
    complaint.unit_code = "dinas-pupr";
    complaint.submitted_at = kNow;
    complaint.updated_at = kNow;
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

  void event(std::int64_t id, const std::string& type, bool is_public, std::optional<dc::Status> to,
             const std::string& detail) {
    dc::ComplaintEvent event;
    event.complaint_id = id;
    event.at = kNow;
    event.actor = "user:1";
    event.type = type;
    event.is_public = is_public;
    event.to_status = to;
    event.detail = detail;
    auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
      auto appended = tx.complaints().append_event(event, "{}");
      if (!appended) return appended.error();
      return {};
    });
    ASSERT_TRUE(written.ok()) << written.error().log_detail();
  }

  app::ports::Open311Submission submission(const std::string& token) const {
    return {token,
            api_key_id_,
            "jalan-rusak",
            {{"ukuran_lubang", {"besar"}}, {"dampak", {"motor", "macet"}}},
            "https://warga.example/foto/1.jpg",
            std::string(64, 'f'),
            kNow,
            std::nullopt};
  }

  Result<void> write(const std::function<Result<void>(app::ports::Open311Writer&)>& work) {
    return storage_->write([&](app::ports::Transaction& tx) { return work(tx.open311()); });
  }

  // The error code of a failed write; nullopt when it succeeded.
  static std::optional<ErrorCode> failure(const Result<void>& result) {
    if (result) return std::nullopt;
    return result.error().code();
  }

  const TimePoint kNow = *parse_utc("2026-11-26T03:00:00Z");
  FakeClock clock_{kNow};
  std::int64_t api_key_id_ = 0;
};

TEST_P(Open311Contract, DemoDataBringsAttributeDefinitionsWithTheirOptionsAndLoadingAgainReplacesThem) {
  ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok()) << "a second load";
  auto attributes = storage_->open311().category_attributes();
  ASSERT_TRUE(attributes.ok()) << attributes.error().log_detail();
  std::vector<std::string> flood;
  for (const auto& attribute : *attributes) {
    if (attribute.category_code == "banjir-drainase") flood.push_back(attribute.code);
  }
  EXPECT_EQ(flood, (std::vector<std::string>{"kedalaman_genangan", "lama_genangan", "keselamatan"})) << "in order, once";
  const dm::CategoryAttribute* duration = nullptr;
  for (const auto& attribute : *attributes) {
    if (attribute.code == "lama_genangan") duration = &attribute;
  }
  ASSERT_NE(duration, nullptr);
  EXPECT_EQ(duration->datatype, dm::AttributeDatatype::singlevaluelist);
  EXPECT_FALSE(duration->required);
  EXPECT_EQ(duration->order, 2);
  ASSERT_EQ(duration->values.size(), 4U);
  EXPECT_EQ(duration->values.front(), (dm::AttributeOption{"kurang_1_jam", "Kurang dari 1 jam"}));
  EXPECT_EQ(duration->values.back().key, "berhari_hari");
}

TEST_P(Open311Contract, ASavedAttributeIsReplacedWholeOptionsIncluded) {
  dm::CategoryAttribute attribute;
  attribute.category_code = "sampah";
  attribute.code = "volume";
  attribute.datatype = dm::AttributeDatatype::singlevaluelist;
  attribute.description = "Berapa banyak?";
  attribute.values = {{"sedikit", "Sedikit"}, {"banyak", "Banyak"}, {"gunung", "Menggunung"}};
  ASSERT_TRUE(write([&](auto& w) { return w.save_category_attribute(attribute); }).ok());
  attribute.values = {{"banyak", "Banyak sekali"}};
  attribute.required = true;
  ASSERT_TRUE(write([&](auto& w) { return w.save_category_attribute(attribute); }).ok());
  auto attributes = storage_->open311().category_attributes();
  ASSERT_TRUE(attributes.ok());
  std::vector<dm::CategoryAttribute> rubbish;
  for (const auto& stored : *attributes) {
    if (stored.category_code == "sampah") rubbish.push_back(stored);
  }
  ASSERT_EQ(rubbish.size(), 1U);
  EXPECT_EQ(rubbish.front(), attribute);
  attribute.category_code = "no-such-category";
  EXPECT_EQ(failure(write([&](auto& w) { return w.save_category_attribute(attribute); })), ErrorCode::conflict)
      << "attributes belong to existing categories";
}

TEST_P(Open311Contract, ASubmissionIsKeptWithItsAnswersLinkedOnceAndRemovedOnlyWhileUnlinked) {
  auto stored = submission("tok-1");
  ASSERT_TRUE(write([&](auto& w) { return w.insert_submission(stored); }).ok());
  auto found = storage_->open311().find_submission("tok-1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ(**found, stored);
  EXPECT_EQ(failure(write([&](auto& w) { return w.insert_submission(stored); })), ErrorCode::conflict)
      << "a token is stored once";

  auto id = store_case("SGP-OPEN-3111");
  bool linked = false;
  ASSERT_TRUE(write([&](auto& w) -> Result<void> {
                auto done = w.link_submission("tok-1", id);
                if (!done) return done.error();
                linked = *done;
                return {};
              }).ok());
  EXPECT_TRUE(linked);
  ASSERT_TRUE(write([&](auto& w) -> Result<void> {
                auto done = w.link_submission("tok-1", id);
                if (!done) return done.error();
                linked = *done;
                return {};
              }).ok());
  EXPECT_FALSE(linked) << "already linked";
  ASSERT_TRUE(write([&](auto& w) { return w.delete_unlinked_submission("tok-1"); }).ok());
  found = storage_->open311().find_submission("tok-1");
  ASSERT_TRUE(found.ok() && found->has_value()) << "a linked submission stays";
  EXPECT_EQ((*found)->complaint_id, id);

  ASSERT_TRUE(write([&](auto& w) { return w.insert_submission(submission("tok-2")); }).ok());
  ASSERT_TRUE(write([&](auto& w) { return w.delete_unlinked_submission("tok-2"); }).ok());
  found = storage_->open311().find_submission("tok-2");
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value()) << "a refused one goes, answers and all";
  ASSERT_TRUE(write([&](auto& w) { return w.insert_submission(submission("tok-2")); }).ok()) << "nothing was left";
}

TEST_P(Open311Contract, ExtrasAreTheMediaUrlAndTheNoteOfTheNewestPublicStatusChange) {
  auto with_media = store_case("SGP-OPEN-3112");
  auto without = store_case("SGP-OPEN-3113");
  auto silent = store_case("SGP-OPEN-3114");
  ASSERT_TRUE(write([&](auto& w) { return w.insert_submission(submission("tok-3")); }).ok());
  ASSERT_TRUE(write([&](auto& w) -> Result<void> {
                auto done = w.link_submission("tok-3", with_media);
                if (!done) return done.error();
                return {};
              }).ok());
  event(with_media, "submitted", true, dc::Status::submitted, "Aduan diterima.");
  event(with_media, "resolve", true, dc::Status::resolved, "Saluran sudah dikeruk.");
  event(with_media, "note", false, std::nullopt, "Catatan internal");
  event(with_media, "reply", true, std::nullopt, "Terima kasih");
  event(with_media, "flag", false, dc::Status::resolved, "Internal, with a status");
  event(without, "submitted", true, dc::Status::submitted, "Aduan diterima.");

  auto extras = storage_->open311().request_extras({with_media, without, silent, 999999});
  ASSERT_TRUE(extras.ok()) << extras.error().log_detail();
  EXPECT_EQ(extras->at(with_media).media_url, "https://warga.example/foto/1.jpg");
  EXPECT_EQ(extras->at(with_media).status_note, "Saluran sudah dikeruk.");
  EXPECT_EQ(extras->at(without).media_url, "");
  EXPECT_EQ(extras->at(without).status_note, "Aduan diterima.");
  EXPECT_FALSE(extras->contains(silent));
  EXPECT_FALSE(extras->contains(999999));
  EXPECT_TRUE(storage_->open311().request_extras({})->empty());
}

SIGAP_STORAGE_CONTRACT(Open311Contract);

}  // namespace
}  // namespace sigap::testing
