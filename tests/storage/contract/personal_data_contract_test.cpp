// Personal data is sealed at rest on every backend: a citizen's name, e-mail, phone and NIK
// are nowhere in clear in the database, yet sign-in by e-mail and key rotation work.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/complaints/submit_complaint.hpp"
#include "app/identity/register_citizen.hpp"
#include "app/master_data/demo_data.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "common/clock.hpp"
#include "crypto/sealed.hpp"
#include "storage/contract/storage_backends.hpp"
#include "storage/open_storage.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "support/personal_data_sentinels.hpp"

namespace sigap::testing {
namespace {

using PersonalDataContract = StorageContract;

std::string sqlite_bytes(const std::string& path) {
  std::string all;
  for (const auto* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::ifstream in(path + suffix, std::ios::binary);
    if (!in) continue;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    all += bytes.str();
  }
  return all;
}

// Every table, every row, every column, as text.
std::string postgres_dump(const std::string& url) {
  auto connection = std::move(storage::postgres::PgConnection::connect(url).value());
  auto tables = connection->query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", {});
  std::string all;
  for (const auto& table : tables->rows) {
    auto rows = connection->query("SELECT t::text FROM " + *table[0] + " t", {});
    for (const auto& row : rows->rows) all += row[0].value_or("") + "\n";
  }
  return all;
}

std::string raw_database(const std::string& url) {
  if (url.starts_with("sqlite:")) return sqlite_bytes(url.substr(7));
  return postgres_dump(url);
}

Result<domain::identity::User> register_sentinel(app::ports::Storage& storage) {
  SystemClock clock;
  return app::identity::register_citizen(
      storage, clock,
      {std::string(kSentinelEmail), std::string(kSentinelName), "Sungai-Musi-2026!", std::string(kSentinelPhone),
       std::string(kSentinelNik), "127.0.0.1"});
}

Result<void> report_sentinel(app::ports::Storage& storage) {
  if (auto loaded = app::master_data::load_palembang_demo_data(storage); !loaded) return loaded.error();
  SystemClock clock;
  app::sla::SlaRules sla_rules(storage, clock, app::sla::indonesia_calendar());
  app::complaints::ComplaintIntake intake(storage, clock, sla_rules, {});
  app::complaints::SubmitRequest request;
  request.draft.description = "Lampu jalan mati di depan rumah, gelap sekali malam hari";
  request.draft.address = "Jl. Cahaya Ampera 77";
  request.draft.reporter_name = std::string(kSentinelName);
  request.draft.reporter_phone = std::string(kSentinelPhone);
  request.draft.reporter_email = std::string(kSentinelEmail);
  request.draft.reporter_nik = std::string(kSentinelNik);
  request.idempotency_key = "sentinel";
  request.request_fingerprint = "f";
  auto answer = intake.submit(request, [](const app::complaints::SubmittedComplaint& submitted) {
    return "{\"secret\":\"" + submitted.reporter_secret + "\",\"phone\":\"" + submitted.complaint.reporter.phone + "\"}";
  });
  if (!answer) return answer.error();
  return {};
}

TEST_P(PersonalDataContract, AReportersPersonalDataIsNowhereInClearInTheDatabase) {
  auto reported = report_sentinel(*storage_);
  ASSERT_TRUE(reported.ok()) << reported.error().message().en << " " << reported.error().log_detail();
  storage_.reset();
  auto raw = raw_database(url());
  ASSERT_FALSE(raw.empty());
  for (auto sentinel : kSentinelsInClear) {
    EXPECT_EQ(raw.find(sentinel), std::string::npos) << "found in clear: " << sentinel.substr(0, 4) << "...";
  }
  EXPECT_EQ(raw.find("Jl. Cahaya"), std::string::npos) << "the street address in clear";
}

TEST_P(PersonalDataContract, ACitizensPersonalDataIsNowhereInClearInTheDatabase) {
  auto user = register_sentinel(*storage_);
  ASSERT_TRUE(user.ok()) << user.error().message().en << " " << user.error().log_detail();
  constexpr std::string_view kTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  ASSERT_TRUE(storage_->write([&](app::ports::Transaction& tx) {
                        return tx.identity().set_totp(user->id, std::string(kTotpSecret), false);
                      }).ok());
  auto found = storage_->users().find_by_email(kSentinelEmail);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->phone, kSentinelPhone);
  EXPECT_EQ((*found)->nik, kSentinelNik);
  EXPECT_EQ((*found)->display_name, kSentinelName);
  EXPECT_EQ((*found)->totp_secret, kTotpSecret);
  storage_.reset();  // SQLite: everything checkpointed or in the WAL, both read below
  auto raw = raw_database(url());
  ASSERT_FALSE(raw.empty());
  EXPECT_EQ(raw.find(kTotpSecret), std::string::npos) << "the TOTP secret in clear";
  for (auto sentinel : kSentinelsInClear) {
    EXPECT_EQ(raw.find(sentinel), std::string::npos) << "found in clear: " << sentinel.substr(0, 4) << "...";
  }
}

TEST_P(PersonalDataContract, AfterRotationEverythingIsSealedWithTheNewKeyAndStillReadable) {
  ASSERT_TRUE(register_sentinel(*storage_).ok());
  ASSERT_TRUE(report_sentinel(*storage_).ok());
  auto rotated = std::make_shared<const crypto::Keyring>(keyring_->rotated());
  storage_.reset();
  keyring_ = rotated;
  storage_ = open();
  ASSERT_NE(storage_, nullptr);
  auto changed = storage_->reseal_personal_data();
  ASSERT_TRUE(changed.ok()) << changed.error().log_detail();
  EXPECT_EQ(*changed, 3U) << "the user, the complaint and the stored intake answer";
  auto again = storage_->reseal_personal_data();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0U) << "nothing left to reseal";
  auto found = storage_->users().find_by_email(kSentinelEmail);
  ASSERT_TRUE(found.ok() && found->has_value()) << "the blind index survives rotation";
  EXPECT_EQ((*found)->nik, kSentinelNik);
  storage_.reset();  // SQLite: checkpoint the WAL into the file read below
  auto raw = raw_database(url());
  auto marker = "v1." + std::to_string(rotated->current_id()) + ".";
  EXPECT_NE(raw.find(marker), std::string::npos);
  EXPECT_EQ(raw.find("v1.1."), std::string::npos) << "no value left under the old key";
}

TEST_P(PersonalDataContract, ATelegramChatIdIsSealedAndReadBackOnlyWithTheWholeCase) {
  ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  constexpr std::string_view kChat = "7351290468";
  {  // the intake follows the storage's writes, so it goes before the storage closes
    SystemClock clock;
    app::sla::SlaRules sla_rules(*storage_, clock, app::sla::indonesia_calendar());
    app::complaints::ComplaintIntake intake(*storage_, clock, sla_rules, {});
    app::complaints::SubmitRequest request;
    request.draft.description = "Sampah menumpuk di tepi jalan sejak tiga hari";
    request.draft.channel = "telegram";
    request.draft.reporter_chat_id = std::string(kChat);
    request.idempotency_key = "telegram-chat";
    request.request_fingerprint = "f";
    auto answer = intake.submit(request, [](const app::complaints::SubmittedComplaint& submitted) {
      return submitted.complaint.public_code;
    });
    ASSERT_TRUE(answer.ok()) << answer.error().message().en << " " << answer.error().log_detail();
    auto code = answer->response;
    auto found = storage_->complaints().find_by_code(code);
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->reporter.chat_id, kChat);
    EXPECT_TRUE((*found)->reporter.phone.empty()) << "a chat id is no phone number";
    auto shown = storage_->complaints().find_public_by_code(code);
    ASSERT_TRUE(shown.ok() && shown->has_value());
    EXPECT_TRUE((*shown)->reporter.chat_id.empty()) << "what the lists and the public read carries no chat id";
  }
  storage_.reset();
  EXPECT_EQ(raw_database(url()).find(kChat), std::string::npos) << "the chat id in clear";
}

TEST_P(PersonalDataContract, AWrongKeyringCannotReadTheData) {
  ASSERT_TRUE(register_sentinel(*storage_).ok());
  storage_.reset();
  keyring_ = test_keyring();  // another key 1: another blind index, and nothing opens
  storage_ = open();
  ASSERT_NE(storage_, nullptr);
  auto found = storage_->users().find_by_email(kSentinelEmail);
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
  auto all = storage_->users().list();
  ASSERT_FALSE(all.ok()) << "sealed data under an unknown key is an error, never silently empty";
  EXPECT_EQ(all.error().code(), ErrorCode::internal);
}

SIGAP_STORAGE_CONTRACT(PersonalDataContract);

}  // namespace
}  // namespace sigap::testing
