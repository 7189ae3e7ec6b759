// `sigap user`, `sigap apikey`, `sigap audit verify` and the demo accounts, as an operator meets
// them: the real binary on a real SQLite file in a temp dir. Tampering goes straight to the file
// through the storage's own SQLite connection, the way an intruder with disk access would.

#include <csignal>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_connection.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace sigap::testing {
namespace {

using namespace std::chrono_literals;

const std::string kBinary = SIGAP_BINARY;

// `sigap <args> --data-dir <dir>` with `input` on stdin.
ProcessResult sigap(const TempDir& dir, std::vector<std::string> args, std::string_view input = {}) {
  args.insert(args.begin(), kBinary);
  args.insert(args.end(), {"--data-dir", dir.path().string(), "--log-level", "warn"});
  return run_process_with_input(args, input);
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// The lines of `text` that are not JSON log records: what the command says to the operator.
std::vector<std::string> said(std::string_view text) {
  std::vector<std::string> lines;
  for (auto& line : lines_of(text)) {
    if (!line.starts_with('{')) lines.push_back(std::move(line));
  }
  return lines;
}

bool any_line_contains(const std::vector<std::string>& lines, std::string_view part) {
  for (const auto& line : lines) {
    if (contains(line, part)) return true;
  }
  return false;
}

// The line of `text` that contains `part`, or "".
std::string line_with(std::string_view text, std::string_view part) {
  for (const auto& line : lines_of(text)) {
    if (contains(line, part)) return line;
  }
  return {};
}

// Runs SQL on the data dir's database file directly, behind sigap's back.
void tamper(const TempDir& dir, std::string_view sql) {
  auto connection = storage::sqlite::SqliteConnection::open((dir.path() / "sigap.db").string(), false);
  ASSERT_TRUE(connection) << connection.error().log_detail();
  auto done = (*connection)->query(sql, {});
  ASSERT_TRUE(done) << done.error().log_detail();
}

// A demo run on `dir` until it has printed everything, then stopped: its stdout and stderr.
struct DemoRun {
  std::string out;
  std::string err;
  int status = -1;
};

DemoRun run_demo(const TempDir& dir) {
  Process demo({kBinary, "demo", "--listen", "127.0.0.1:0", "--data-dir", dir.path().string()});
  auto last = demo.wait_for_stdout_line("Stop with Ctrl+C", 15s);
  EXPECT_TRUE(last.has_value()) << demo.stdout_text() << demo.stderr_text();
  demo.send_signal(SIGTERM);
  DemoRun run;
  run.status = demo.wait(10s).value_or(-1);
  run.out = demo.stdout_text();
  run.err = demo.stderr_text();
  return run;
}

// The demo table's rows: e-mail -> {role@unit, password}.
std::map<std::string, std::pair<std::string, std::string>> demo_accounts(std::string_view out) {
  std::map<std::string, std::pair<std::string, std::string>> accounts;
  for (const auto& line : lines_of(out)) {
    if (!contains(line, "@demo.sigap.id")) continue;
    std::istringstream fields(line);
    std::string email, membership, password;
    if (fields >> email >> membership >> password) accounts[email] = {membership, password};
  }
  return accounts;
}

TEST(IdentityCli, UserAddRefusesAWeakPasswordNamingIt) {
  TempDir dir;
  auto weak = sigap(dir, {"user", "add", "siti@example.id", "--name", "Siti", "--password-stdin"}, "password\n");
  EXPECT_EQ(weak.status, 1) << weak.err;
  EXPECT_TRUE(any_line_contains(said(weak.err), "password:")) << weak.err;
  EXPECT_EQ(weak.out, "");

  auto short_one = sigap(dir, {"user", "add", "siti@example.id", "--name", "Siti", "--password-stdin"}, "pendek\n");
  EXPECT_EQ(short_one.status, 1) << short_one.err;
  EXPECT_TRUE(any_line_contains(said(short_one.err), "password:")) << short_one.err;

  auto users = sigap(dir, {"user", "list"});
  EXPECT_EQ(users.status, 0) << users.err;
  EXPECT_FALSE(contains(users.out, "siti@example.id")) << "nothing was created: " << users.out;
}

TEST(IdentityCli, UserAddPrintsEachProblemOnItsOwnLine) {
  TempDir dir;
  auto result = sigap(dir, {"user", "add", "not-an-email", "--name", "X", "--password-stdin"}, "short\n");
  EXPECT_EQ(result.status, 1) << result.err;
  auto lines = said(result.err);
  EXPECT_TRUE(any_line_contains(lines, "email:")) << result.err;
  EXPECT_TRUE(any_line_contains(lines, "password:")) << result.err;

  auto role =
      sigap(dir, {"user", "add", "a@example.id", "--name", "A", "--role", "mayor@pemkot-palembang", "--password-stdin"},
            "sungai musi mengalir\n");
  EXPECT_EQ(role.status, 1) << role.err;
  EXPECT_TRUE(any_line_contains(said(role.err), "--role:")) << role.err;
}

TEST(IdentityCli, UserAddWithoutAPasswordGeneratesOneAndShowsItOnce) {
  TempDir dir;
  auto result = sigap(dir, {"user", "add", "budi@example.id", "--name", "Budi"});
  ASSERT_EQ(result.status, 0) << result.err;
  auto line = line_with(result.out, "Password: ");
  ASSERT_FALSE(line.empty()) << result.out;
  auto password = line.substr(line.find("Password: ") + 10);
  EXPECT_GE(password.size(), 20U) << password;
  EXPECT_TRUE(contains(result.out, "will not be shown again")) << result.out;
  EXPECT_FALSE(contains(result.err, password)) << "a password in the log: " << result.err;

  auto reset = sigap(dir, {"user", "reset-password", "budi@example.id", "--password-stdin"}, "budi@example.id\n");
  EXPECT_EQ(reset.status, 1) << "the e-mail is no password: " << reset.err;
  EXPECT_TRUE(any_line_contains(said(reset.err), "password")) << reset.err;
  auto good = sigap(dir, {"user", "reset-password", "1", "--password-stdin"}, "jembatan ampera 1965\n");
  EXPECT_EQ(good.status, 0) << good.err;
}

TEST(IdentityCli, UnknownUserFailsAndABadDatabaseIsABadStartup) {
  TempDir dir;
  auto unknown = sigap(dir, {"user", "disable", "nobody@example.id"});
  EXPECT_EQ(unknown.status, 1) << unknown.err;
  EXPECT_TRUE(any_line_contains(said(unknown.err), "No such user")) << unknown.err;

  auto bad_db = run_process({kBinary, "user", "list", "--db", "mysql://x"});
  EXPECT_EQ(bad_db.status, 2) << bad_db.err;
  auto missing_argument = run_process({kBinary, "user", "grant", "1"});
  EXPECT_EQ(missing_argument.status, 2) << missing_argument.err;
}

TEST(IdentityCli, ManagesUsersAndApiKeysAndTheAuditChainStaysIntact) {
  TempDir dir;
  // The demo data gives the units to grant on (and the demo accounts, ids 1 to 5).
  auto demo = run_demo(dir);
  ASSERT_EQ(demo.status, 0) << demo.err;

  auto added = sigap(dir,
                     {"user", "add", "Rina@Example.id", "--name", "Rina Wulandari", "--role", "officer@dinas-pupr",
                      "--role", "officer@kelurahan-16.71.01.1001", "--password-stdin"},
                     "pempek kapal selam\n");
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_TRUE(contains(added.out, "Created user 6")) << added.out;
  EXPECT_FALSE(contains(added.out, "Password:")) << "a password from stdin is not echoed: " << added.out;

  auto listed = sigap(dir, {"user", "list"});
  ASSERT_EQ(listed.status, 0) << listed.err;
  auto row = line_with(listed.out, "rina@example.id");
  ASSERT_FALSE(row.empty()) << listed.out;
  EXPECT_TRUE(contains(row, "Rina Wulandari")) << row;
  EXPECT_TRUE(contains(row, "officer@dinas-pupr")) << row;
  EXPECT_TRUE(contains(row, "officer@kelurahan-16.71.01.1001")) << row;
  EXPECT_TRUE(contains(lines_of(listed.out).front(), "MEMBERSHIPS")) << listed.out;
  EXPECT_TRUE(contains(line_with(listed.out, "admin@demo.sigap.id"), "required")) << "admins need TOTP";

  auto granted = sigap(dir, {"user", "grant", "rina@example.id", "supervisor@kecamatan-16.71.01"});
  EXPECT_EQ(granted.status, 0) << granted.err;
  EXPECT_TRUE(contains(line_with(sigap(dir, {"user", "list"}).out, "rina@"), "supervisor@kecamatan-16.71.01"));
  auto bad_unit = sigap(dir, {"user", "grant", "6", "officer@dinas-tidak-ada"});
  EXPECT_EQ(bad_unit.status, 1) << bad_unit.err;
  EXPECT_TRUE(any_line_contains(said(bad_unit.err), "dinas-tidak-ada")) << bad_unit.err;

  auto revoked = sigap(dir, {"user", "revoke", "6", "officer@dinas-pupr"});
  EXPECT_EQ(revoked.status, 0) << revoked.err;
  EXPECT_FALSE(contains(line_with(sigap(dir, {"user", "list"}).out, "rina@"), "officer@dinas-pupr"));
  auto revoked_again = sigap(dir, {"user", "revoke", "6", "officer@dinas-pupr"});
  EXPECT_EQ(revoked_again.status, 1) << "not held any more: " << revoked_again.out;

  auto disabled = sigap(dir, {"user", "disable", "rina@example.id"});
  EXPECT_EQ(disabled.status, 0) << disabled.err;
  auto disabled_row = line_with(sigap(dir, {"user", "list"}).out, "rina@");
  EXPECT_TRUE(contains(disabled_row, " yes ")) << disabled_row;
  auto enabled = sigap(dir, {"user", "enable", "6"});
  EXPECT_EQ(enabled.status, 0) << enabled.err;
  EXPECT_TRUE(contains(line_with(sigap(dir, {"user", "list"}).out, "rina@"), " no ")) << "enabled again";

  auto useless = sigap(dir, {"apikey", "create", "--name", "SIMPEG", "--unit", "dinas-pupr", "--scope", "read_case",
                             "--scope", "work_case", "--days", "30"});
  EXPECT_EQ(useless.status, 1) << "an integrator key cannot work cases: the scope is refused, not granted in vain";
  EXPECT_TRUE(contains(useless.err, "work_case")) << useless.err;
  auto key = sigap(dir, {"apikey", "create", "--name", "SIMPEG", "--unit", "dinas-pupr", "--scope", "read_case",
                         "--days", "30"});
  ASSERT_EQ(key.status, 0) << key.err;
  auto token_line = line_with(key.out, "Token: ");
  ASSERT_FALSE(token_line.empty()) << key.out;
  auto token = token_line.substr(token_line.find("Token: ") + 7);
  EXPECT_TRUE(token.starts_with("sgp_")) << token;
  EXPECT_TRUE(contains(key.out, "will not be shown again")) << key.out;
  EXPECT_FALSE(contains(key.err, token)) << "a token in the log: " << key.err;

  auto bad_scope = sigap(dir, {"apikey", "create", "--name", "X", "--unit", "dinas-pupr", "--scope", "everything"});
  EXPECT_EQ(bad_scope.status, 1) << bad_scope.err;
  EXPECT_TRUE(any_line_contains(said(bad_scope.err), "--scope:")) << bad_scope.err;

  auto keys = sigap(dir, {"apikey", "list"});
  ASSERT_EQ(keys.status, 0) << keys.err;
  auto key_row = line_with(keys.out, "SIMPEG");
  ASSERT_FALSE(key_row.empty()) << keys.out;
  EXPECT_TRUE(contains(key_row, token.substr(0, 12))) << "the prefix is listed: " << key_row;
  EXPECT_FALSE(contains(keys.out, token.substr(13))) << "the secret is never listed";
  EXPECT_TRUE(contains(key_row, " read_case ")) << key_row;
  EXPECT_TRUE(contains(key_row, "active")) << key_row;

  auto key_revoked = sigap(dir, {"apikey", "revoke", "1"});
  EXPECT_EQ(key_revoked.status, 0) << key_revoked.err;
  EXPECT_TRUE(contains(line_with(sigap(dir, {"apikey", "list"}).out, "SIMPEG"), "revoked"));
  EXPECT_EQ(sigap(dir, {"apikey", "revoke", "99"}).status, 1);

  // 5 demo accounts, then: add, grant, revoke, disable, enable, key created, key revoked.
  auto verified = sigap(dir, {"audit", "verify"});
  EXPECT_EQ(verified.status, 0) << verified.out << verified.err;
  EXPECT_EQ(lines_of(verified.out), std::vector<std::string>{"audit chain intact: 12 entries"}) << verified.out;
}

TEST(IdentityCli, AuditVerifyNamesAnAlteredEntry) {
  TempDir dir;
  for (const auto* email : {"a@example.id", "b@example.id", "c@example.id"}) {
    auto added = sigap(dir, {"user", "add", email, "--name", "X", "--password-stdin"}, "benteng kuto besak\n");
    ASSERT_EQ(added.status, 0) << added.err;
  }
  auto intact = sigap(dir, {"audit", "verify"});
  EXPECT_EQ(intact.status, 0) << intact.out << intact.err;
  EXPECT_TRUE(contains(intact.out, "audit chain intact: 3 entries")) << intact.out;

  tamper(dir, "UPDATE audit_log SET detail = 'x' WHERE seq = 2");
  auto broken = sigap(dir, {"audit", "verify"});
  EXPECT_EQ(broken.status, 1) << broken.out << broken.err;
  EXPECT_TRUE(contains(broken.out, "audit chain broken at entry 2: ")) << broken.out;
}

TEST(IdentityCli, AuditVerifyNamesARemovedLastEntry) {
  TempDir dir;
  for (const auto* email : {"a@example.id", "b@example.id", "c@example.id"}) {
    auto added = sigap(dir, {"user", "add", email, "--name", "X", "--password-stdin"}, "benteng kuto besak\n");
    ASSERT_EQ(added.status, 0) << added.err;
  }
  ASSERT_EQ(sigap(dir, {"user", "disable", "b@example.id"}).status, 0);
  tamper(dir, "DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
  auto broken = sigap(dir, {"audit", "verify"});
  EXPECT_EQ(broken.status, 1) << broken.out << broken.err;
  EXPECT_TRUE(contains(broken.out, "audit chain broken at entry 4: ")) << broken.out;
}

TEST(IdentityCli, DemoPrintsItsAccountsAndTheSamePasswordsOnARerun) {
  TempDir dir;
  auto first = run_demo(dir);
  ASSERT_EQ(first.status, 0) << first.err;
  auto accounts = demo_accounts(first.out);
  const std::map<std::string, std::string> expected{
      {"petugas.kelurahan@demo.sigap.id", "officer@kelurahan-16.71.01.1001"},
      {"supervisor.kecamatan@demo.sigap.id", "supervisor@kecamatan-16.71.01"},
      {"petugas.pupr@demo.sigap.id", "officer@dinas-pupr"},
      {"admin@demo.sigap.id", "admin@pemkot-palembang"},
      {"walikota@demo.sigap.id", "leader@pemkot-palembang"},
  };
  ASSERT_EQ(accounts.size(), expected.size()) << first.out;
  for (const auto& [email, membership] : expected) {
    ASSERT_TRUE(accounts.count(email)) << email << " missing from:\n" << first.out;
    EXPECT_EQ(accounts[email].first, membership) << email;
    const auto& password = accounts[email].second;
    EXPECT_GE(password.size(), 20U) << email << ": " << password;
    EXPECT_FALSE(contains(first.err, password)) << "a password in the log: " << first.err;
  }
  EXPECT_NE(accounts["admin@demo.sigap.id"].second, accounts["walikota@demo.sigap.id"].second);
  EXPECT_TRUE(contains(first.out, "admin and leader will be asked to set up two-step verification at first sign-in"))
      << first.out;

  auto file = dir.path() / "demo-users.txt";
  ASSERT_TRUE(std::filesystem::exists(file));
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  auto second = run_demo(dir);
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(demo_accounts(second.out), accounts) << second.out;

  auto users = sigap(dir, {"user", "list"});
  EXPECT_EQ(lines_of(users.out).size(), 1U + expected.size()) << "no account was created twice: " << users.out;

  // Another data dir gets passwords of its own.
  TempDir other;
  auto elsewhere = run_demo(other);
  ASSERT_EQ(elsewhere.status, 0) << elsewhere.err;
  EXPECT_NE(demo_accounts(elsewhere.out)["admin@demo.sigap.id"].second, accounts["admin@demo.sigap.id"].second);
}

TEST(IdentityCli, ServeShowsNoDemoAccounts) {
  TempDir dir;
  ASSERT_EQ(run_demo(dir).status, 0);
  Process serve({kBinary, "serve", "--listen", "127.0.0.1:0", "--data-dir", dir.path().string()});
  ASSERT_TRUE(serve.wait_for_stdout_line("listening on", 10s).has_value()) << serve.stderr_text();
  serve.send_signal(SIGTERM);
  EXPECT_EQ(serve.wait(10s), 0);
  EXPECT_FALSE(contains(serve.stdout_text(), "@demo.sigap.id")) << serve.stdout_text();
}

}  // namespace
}  // namespace sigap::testing

namespace sigap::testing {
namespace {

TEST(KeysCli, RotationAddsAKeyAndEverythingStaysReadable) {
  TempDir dir;
  auto added = sigap(dir, {"user", "add", "rina@palembang.go.id", "--name", "Rina Susanti", "--password-stdin"},
                     "Sungai-Musi-2026!\n");
  ASSERT_EQ(added.status, 0) << added.err;
  auto keys_file = dir.path() / "keys" / "data.keys";
  ASSERT_TRUE(std::filesystem::exists(keys_file));
  EXPECT_EQ(std::filesystem::status(keys_file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  auto rotated = sigap(dir, {"keys", "rotate"});
  ASSERT_EQ(rotated.status, 0) << rotated.err;
  EXPECT_TRUE(contains(rotated.out, "Key 2 is now current; 1 record(s)")) << rotated.out;
  auto listed = sigap(dir, {"user", "list"});
  EXPECT_EQ(listed.status, 0) << listed.err;
  EXPECT_TRUE(contains(listed.out, "rina@palembang.go.id")) << listed.out;
  EXPECT_EQ(sigap(dir, {"audit", "verify"}).status, 0);
}

TEST(KeysCli, AKeyFileOthersCanReadStopsStartUpWithOneLine) {
  TempDir dir;
  ASSERT_EQ(sigap(dir, {"migrate"}).status, 0);
  auto keys_file = dir.path() / "keys" / "data.keys";
  ASSERT_TRUE(std::filesystem::exists(keys_file));
  std::filesystem::permissions(keys_file, std::filesystem::perms::others_read, std::filesystem::perm_options::add);
  auto refused = sigap(dir, {"migrate"});
  EXPECT_EQ(refused.status, 2);
  auto lines = said(refused.err);
  ASSERT_EQ(lines.size(), 1U) << refused.err;
  EXPECT_TRUE(contains(lines[0], "chmod 600")) << lines[0];
}

TEST(KeysCli, KeysFromTheEnvironmentAreNotRotatedHere) {
  TempDir dir;
  Process process({kBinary, "keys", "rotate", "--data-dir", dir.path().string(), "--log-level", "warn"},
                  {"SIGAP_DATA_KEY=MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI="});
  auto status = process.wait(std::chrono::seconds(20));
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(*status, 1);
  EXPECT_TRUE(contains(process.stderr_text(), "SIGAP_DATA_KEY")) << process.stderr_text();
}

}  // namespace
}  // namespace sigap::testing
