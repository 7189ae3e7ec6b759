// `sigap backup` and `sigap restore` as an operator meets them (docs/reliability.md): a backup
// taken while the real server is under intake load, restored into a new data dir or a new
// PostgreSQL database, holds every complaint acknowledged before the backup began, field by
// field, and the restored server tracks them; the file is the owner's alone and shows no
// personal data; and every mistake an operator can make stops with one line and status 2.
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "crypto/keyring.hpp"
#include "storage/open_storage.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "support/http_client.hpp"
#include "support/intake_load.hpp"
#include "support/personal_data_sentinels.hpp"
#include "support/postgres_database.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace sigap::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const std::string kBinary = SIGAP_BINARY;
const std::vector<std::string> kUnlimited{"SIGAP_RATE_LIMIT_INTAKE=off", "SIGAP_RATE_LIMIT_TRACKING=off",
                                          "SIGAP_SLA_WATCH_INTERVAL_SECONDS=0"};

ProcessResult sigap(std::vector<std::string> args, std::chrono::milliseconds timeout = 120s) {
  args.insert(args.begin(), kBinary);
  args.insert(args.end(), {"--log-level", "warn"});
  return run_process(args, timeout);
}

// The one line a refused command prints on stderr; fails the test unless it is exactly one line
// and the status is 2.
std::string refusal(const ProcessResult& result) {
  EXPECT_EQ(result.status, 2) << result.out << result.err;
  auto lines = lines_of(result.err);
  EXPECT_EQ(lines.size(), 1U) << result.err;
  return lines.empty() ? std::string() : lines.front();
}

std::string url_after(Process& process, std::string_view prefix) {
  auto line = process.wait_for_stdout_line(prefix, 30s);
  if (!line) return {};
  auto url = line->substr(line->find(prefix) + prefix.size());
  if (url.ends_with('/')) url.pop_back();
  return url;
}

// "12,160", as the command prints counts.
std::string grouped(std::int64_t number) {
  auto digits = std::to_string(number);
  for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3)
    digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& file, std::string_view content) {
  std::ofstream out(file, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

// The data keys of `from` put where a server on `to` looks for them, as the operator's guide says.
void copy_keys(const fs::path& from, const fs::path& to) {
  fs::create_directories(to / "keys");
  fs::permissions(to / "keys", fs::perms::owner_all);
  fs::copy_file(from / "keys" / "data.keys", to / "keys" / "data.keys");
  fs::permissions(to / "keys" / "data.keys", fs::perms::owner_read | fs::perms::owner_write);
}

std::unique_ptr<app::ports::Storage> open_store(const std::string& url, const fs::path& data) {
  auto keyring = crypto::load_keyring(data / "keys" / "data.keys", nullptr);
  EXPECT_TRUE(keyring.ok());
  auto database = storage::parse_database_url(url);
  EXPECT_TRUE(database.ok());
  if (!keyring || !database) return nullptr;
  auto opened = storage::open_storage(*database, {2, std::make_shared<const crypto::Keyring>(std::move(*keyring))});
  EXPECT_TRUE(opened.ok()) << (opened ? "" : opened.error().message().en);
  return opened ? std::move(*opened) : nullptr;
}

// A fresh database of either backend in `dir`: its URL (the PostgreSQL ones live as long as the
// test, in `databases`).
std::string new_database(bool postgres, const fs::path& data,
                         std::vector<std::unique_ptr<PostgresDatabase>>& databases) {
  if (!postgres) return "sqlite:" + (data / "sigap.db").string();
  databases.push_back(std::make_unique<PostgresDatabase>());
  return databases.back()->url();
}

// A small Sigap database with `count` made-up complaints.
void generate(const std::string& url, const fs::path& data, int count) {
  auto made =
      sigap({"generate", "complaints", "--count", std::to_string(count), "--data-dir", data.string(), "--db", url});
  ASSERT_EQ(made.status, 0) << made.err;
}

class BackupCli : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    postgres_ = GetParam() == "postgres";
    if (postgres_ && !PostgresDatabase::server_url()) {
      if (PostgresDatabase::required()) FAIL() << "SIGAP_TEST_POSTGRES_URL is not set (run under tools/with-postgres)";
      GTEST_SKIP() << "no test PostgreSQL (run under tools/with-postgres)";
    }
  }
  std::string new_database(const fs::path& data) { return testing::new_database(postgres_, data, databases_); }

  bool postgres_ = false;
  std::vector<std::unique_ptr<PostgresDatabase>> databases_;
};

TEST_P(BackupCli, ABackupTakenUnderLoadRestoresEveryComplaintAcknowledgedBeforeItBegan) {
  TempDir dir;
  auto data = dir.path() / "data";
  auto url = new_database(data);
  if (!postgres_) {
    // Enough pages that the copy takes several steps of the backup API, with the server's
    // commits landing between them (pg_dump reads from one snapshot by itself).
    generate(url, data, 12000);
    if (HasFatalFailure()) return;
  }
  Process demo(
      {kBinary, "demo", "--listen", "127.0.0.1:0", "--data-dir", data.string(), "--db", url, "--log-level", "warn"},
      kUnlimited);
  auto base_url = url_after(demo, "is running at ");
  ASSERT_FALSE(base_url.empty()) << demo.stderr_text();

  // One report carries the personal data no backup may show in clear.
  auto sentinel = SentComplaint::numbered(0, 0);
  sentinel.reporter_name = std::string(kSentinelName);
  sentinel.reporter_email = std::string(kSentinelEmail);
  sentinel.reporter_nik = std::string(kSentinelNik);
  {
    HttpClient client(base_url);
    auto answer = client.post_json("/api/v1/complaints", sentinel.body());
    ASSERT_EQ(answer.status, 201) << answer.body;
  }

  IntakeLoad load(base_url, 3, 1);
  ASSERT_TRUE(load.wait_for(100, 60s)) << fmt::format("{}", fmt::join(load.unexpected(), "\n"));
  auto backup_file = dir.path() / "sigap.backup";
  auto began = std::chrono::steady_clock::now();
  auto backup = sigap({"backup", "--to", backup_file.string(), "--data-dir", data.string(), "--db", url});
  auto after_backup = load.acknowledged_count();
  load.stop();
  ASSERT_EQ(backup.status, 0) << backup.err;
  EXPECT_EQ(load.unexpected_count(), 0U) << fmt::format("{}", fmt::join(load.unexpected(), "\n"));
  std::vector<AcknowledgedComplaint> before;
  for (const auto& complaint : load.acknowledged()) {
    if (complaint.acknowledged_at < began) before.push_back(complaint);
  }
  EXPECT_GT(load.acknowledged_count(), before.size()) << "intake went on while the backup ran";
  EXPECT_GE(after_backup, before.size());
  demo.send_signal(SIGTERM);
  EXPECT_EQ(demo.wait(20s), 0) << demo.stderr_text();

  // What the operator reads: the file, and that the keys are not in it.
  EXPECT_NE(backup.out.find("Backup written to " + backup_file.string()), std::string::npos) << backup.out;
  EXPECT_NE(backup.out.find((data / "keys" / "data.keys").string()), std::string::npos)
      << "names the key file to keep apart: " << backup.out;
  EXPECT_NE(backup.err.find("100.0 %"), std::string::npos) << "progress on stderr: " << backup.err;
  if (!postgres_) {
    EXPECT_GE(lines_of(backup.err).size(), 4U) << "a copy in several steps: " << backup.err;
  }
  // The backup holds sealed personal data: the owner's alone, and nothing readable in it.
  EXPECT_EQ(fs::status(backup_file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  std::string readable = read_file(backup_file);
  EXPECT_EQ(readable.starts_with("PGDMP"), postgres_);
  if (postgres_) {  // the archive is compressed: read it as pg_restore writes it out
    auto text = run_process({"/usr/bin/env", "pg_restore", "--data-only", "--file=-", backup_file.string()}, 60s);
    ASSERT_EQ(text.status, 0) << text.err;
    readable = text.out;
  }
  ASSERT_FALSE(before.empty());
  EXPECT_NE(readable.find(before.front().code), std::string::npos) << "the check below would find something";
  for (auto clear : kSentinelsInClear) {
    EXPECT_EQ(readable.find(clear), std::string::npos) << "personal data in clear in the backup";
  }

  // Restored into a new data dir (or database): first without the keys, which it points out.
  auto restored_data = dir.path() / "restored";
  auto restored_url = new_database(restored_data);
  auto restore =
      sigap({"restore", "--from", backup_file.string(), "--data-dir", restored_data.string(), "--db", restored_url});
  ASSERT_EQ(restore.status, 0) << restore.err;
  EXPECT_NE(restore.out.find("Restored " + backup_file.string()), std::string::npos) << restore.out;
  EXPECT_NE(restore.out.find("No data keys at " + (restored_data / "keys" / "data.keys").string()), std::string::npos)
      << restore.out;
  EXPECT_FALSE(fs::exists(restored_data / "keys" / "data.keys")) << "restore never makes keys of its own";
  copy_keys(data, restored_data);

  // Every complaint acknowledged before the backup began, field by field, personal data opened.
  {
    auto storage = open_store(restored_url, restored_data);
    ASSERT_TRUE(storage);
    auto count = storage->complaints().count();
    ASSERT_TRUE(count.ok());
    EXPECT_NE(restore.out.find(": " + grouped(*count) + " complaints"), std::string::npos)
        << restore.out << " (" << *count << " stored)";
    std::size_t missing = 0;
    for (const auto& complaint : before) {
      auto found = storage->complaints().find_by_code(complaint.code);
      ASSERT_TRUE(found.ok());
      if (!found->has_value()) {
        if (missing++ < 10) ADD_FAILURE() << complaint.code << " was acknowledged before the backup and is not in it";
        continue;
      }
      auto differ = differences(complaint, **found);
      EXPECT_TRUE(differ.empty()) << complaint.code << " differs in: " << fmt::format("{}", fmt::join(differ, ", "));
    }
    EXPECT_EQ(missing, 0U) << "of " << before.size();
    std::cout << fmt::format(
        "[backup] {}: {} complaints acknowledged before the backup began, {} while it ran; "
        "{} in the restored database\n",
        GetParam(), before.size() + 1, load.acknowledged_count() - before.size(), *count);
  }

  // The restored server starts, tracks them, and takes new reports.
  Process restored({kBinary, "serve", "--listen", "127.0.0.1:0", "--data-dir", restored_data.string(), "--db",
                    restored_url, "--log-level", "warn"},
                   kUnlimited);
  auto restored_base = url_after(restored, "listening on ");
  ASSERT_FALSE(restored_base.empty()) << restored.stderr_text();
  HttpClient client(restored_base);
  for (const auto& complaint : before) {
    auto tracked = client.get("/api/v1/track/" + complaint.code);
    ASSERT_EQ(tracked.status, 200) << complaint.code << " " << tracked.body;
    EXPECT_EQ(tracked.json().at("submitted_at").as_string(), complaint.submitted_at);
  }
  auto fresh = client.post_json("/api/v1/complaints", SentComplaint::numbered(9, 1).body());
  EXPECT_EQ(fresh.status, 201) << fresh.body;
  restored.send_signal(SIGTERM);
  EXPECT_EQ(restored.wait(20s), 0) << restored.stderr_text();
}

TEST_P(BackupCli, RestoreRefusesADatabaseThatHoldsDataUnlessForced) {
  TempDir dir;
  auto source = dir.path() / "source";
  auto source_url = new_database(source);
  generate(source_url, source, 30);
  if (HasFatalFailure()) return;
  auto file = dir.path() / "backup";
  ASSERT_EQ(sigap({"backup", "--to", file.string(), "--data-dir", source.string(), "--db", source_url}).status, 0);

  // Into a database that `sigap migrate` made: nothing to lose, no --force needed.
  auto migrated = dir.path() / "migrated";
  auto migrated_url = new_database(migrated);
  ASSERT_EQ(sigap({"migrate", "--data-dir", migrated.string(), "--db", migrated_url}).status, 0);
  auto into_migrated =
      sigap({"restore", "--from", file.string(), "--data-dir", migrated.string(), "--db", migrated_url});
  EXPECT_EQ(into_migrated.status, 0) << into_migrated.err;
  EXPECT_NE(into_migrated.out.find(": 30 complaints"), std::string::npos) << into_migrated.out;

  // Into one with cases of its own: refused, and left as it was.
  auto busy = dir.path() / "busy";
  auto busy_url = new_database(busy);
  generate(busy_url, busy, 5);
  if (HasFatalFailure()) return;
  auto refused = refusal(sigap({"restore", "--from", file.string(), "--data-dir", busy.string(), "--db", busy_url}));
  EXPECT_NE(refused.find("already holds data (5 complaints"), std::string::npos) << refused;
  EXPECT_NE(refused.find("--force"), std::string::npos) << refused;
  {
    auto storage = open_store(busy_url, busy);
    ASSERT_TRUE(storage);
    EXPECT_EQ(*storage->complaints().count(), 5);
  }
  auto forced = sigap({"restore", "--from", file.string(), "--force", "--data-dir", busy.string(), "--db", busy_url});
  ASSERT_EQ(forced.status, 0) << forced.err;
  EXPECT_NE(forced.out.find(": 30 complaints"), std::string::npos) << forced.out;
  {
    auto storage = open_store(busy_url, source);  // the source's keys open the restored data
    ASSERT_TRUE(storage);
    EXPECT_EQ(*storage->complaints().count(), 30);
  }

  // A backup file is not overwritten by accident either.
  auto again = refusal(sigap({"backup", "--to", file.string(), "--data-dir", source.string(), "--db", source_url}));
  EXPECT_NE(again.find("already exists"), std::string::npos) << again;
  EXPECT_EQ(
      sigap({"backup", "--to", file.string(), "--force", "--data-dir", source.string(), "--db", source_url}).status, 0);
}

TEST_P(BackupCli, RestoreRefusesFilesThatAreNotItsBackupsWithOneLine) {
  TempDir dir;
  auto target = dir.path() / "target";
  auto url = new_database(target);
  auto restore_from = [&](const fs::path& file) {
    return refusal(sigap({"restore", "--from", file.string(), "--data-dir", target.string(), "--db", url}));
  };

  auto missing = restore_from(dir.path() / "absent.backup");
  EXPECT_NE(missing.find("there is no backup file"), std::string::npos) << missing;
  write_file(dir.path() / "notes.txt", "Catatan rapat, bukan cadangan.\n");
  auto text = restore_from(dir.path() / "notes.txt");
  EXPECT_NE(text.find("is not a Sigap backup"), std::string::npos) << text;

  // The other engine's backup, named as such.
  auto other = dir.path() / "other";
  std::vector<std::unique_ptr<PostgresDatabase>> databases;
  if (postgres_) {
    auto sqlite_url = testing::new_database(false, other, databases);
    generate(sqlite_url, other, 3);
    if (HasFatalFailure()) return;
    ASSERT_EQ(sigap({"backup", "--to", (dir.path() / "sqlite.backup").string(), "--db", sqlite_url}).status, 0);
    auto wrong = restore_from(dir.path() / "sqlite.backup");
    EXPECT_NE(wrong.find("is an SQLite backup"), std::string::npos) << wrong;
  } else {
    write_file(dir.path() / "dump.backup", std::string("PGDMP\x01\x0e\x00\x04\x08\x01\x01", 12));
    auto wrong = restore_from(dir.path() / "dump.backup");
    EXPECT_NE(wrong.find("is a PostgreSQL backup"), std::string::npos) << wrong;
    // An SQLite file that is not Sigap's.
    {
      auto foreign = dir.path() / "foreign.db";
      {
        auto created = storage::sqlite::SqliteConnection::open(foreign.string(), false);
        ASSERT_TRUE(created.ok());
        ASSERT_TRUE((*created)->execute_script("CREATE TABLE catatan (isi TEXT)").ok());
      }
      auto not_ours = restore_from(foreign);
      EXPECT_NE(not_ours.find("is not a Sigap backup"), std::string::npos) << not_ours;
    }
  }
}

TEST_P(BackupCli, BackupStopsWithOneLineOnWhatTheOperatorCanFix) {
  TempDir dir;
  auto data = dir.path() / "data";
  if (!postgres_) {
    auto none = refusal(sigap({"backup", "--to", (dir.path() / "b").string(), "--data-dir", data.string()}));
    EXPECT_NE(none.find("there is no SQLite database at"), std::string::npos) << none;
  }
  auto url = new_database(data);
  generate(url, data, 3);
  if (HasFatalFailure()) return;
  auto nowhere = refusal(sigap({"backup", "--to", (dir.path() / "no" / "such" / "dir" / "b").string(), "--data-dir",
                                data.string(), "--db", url}));
  EXPECT_NE(nowhere.find("does not exist"), std::string::npos) << nowhere;
  if (postgres_) {
    // pg_dump comes from PATH; without it, the package that has it is named.
    auto result = run_process({"/usr/bin/env", "PATH=/nonexistent", kBinary, "backup", "--to",
                               (dir.path() / "b").string(), "--data-dir", data.string(), "--db", url});
    auto line = refusal(result);
    EXPECT_NE(line.find("pg_dump is not on PATH (Debian: apt-get install postgresql-client-15)"), std::string::npos)
        << line;
    EXPECT_FALSE(fs::exists(dir.path() / "b"));
  }
  // Nothing half-written is left behind by a refused backup.
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".partial-"), std::string::npos) << entry.path();
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupCli, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sigap::testing
