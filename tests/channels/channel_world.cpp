#include "channels/channel_world.hpp"

#include <algorithm>
#include <csignal>
#include <regex>

#include <gtest/gtest.h>

#include "app/identity/user_admin.hpp"
#include "app/master_data/demo_data.hpp"
#include "crypto/keyring.hpp"
#include "storage/open_storage.hpp"
#include "support/staff_sign_in.hpp"

namespace sigap::testing {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

ChannelServer::ChannelServer(std::vector<std::string> environment)
    : data_(dir_.path() / "data"), environment_(std::move(environment)) {
  auto keyring = crypto::load_keyring(data_ / "keys" / "data.keys", nullptr);  // created, as serve would
  EXPECT_TRUE(keyring.ok());
  if (!keyring.ok()) return;
  auto database = storage::parse_database_url("sqlite:" + (data_ / "sigap.db").string());
  auto opened = storage::open_storage(*database, {1, std::make_shared<const crypto::Keyring>(std::move(*keyring))});
  EXPECT_TRUE(opened.ok());
  if (!opened.ok()) return;
  auto& storage = **opened;
  EXPECT_TRUE(app::master_data::load_palembang_demo_data(storage).ok());
  SystemClock clock;
  app::identity::UserAdmin users(storage, clock);
  auto supervisor = users.create({std::string(kStaffEmail),
                                  "Supervisor Kota",
                                  std::string(kPassword),
                                  domain::identity::UserKind::staff,
                                  {{"pemkot-palembang", domain::access::Role::supervisor}}},
                                 "test");
  EXPECT_TRUE(supervisor.ok());
  if (supervisor.ok()) enrol_test_totp(storage, supervisor->id);
  environment_.insert(environment_.end(), {"SIGAP_PUBLIC_URL=" + std::string(kPublicUrl), "SIGAP_RATE_LIMIT_INTAKE=off",
                                           "SIGAP_RATE_LIMIT_LOGIN=off", "SIGAP_RATE_LIMIT_API=off",
                                           "SIGAP_SLA_WATCH_INTERVAL_SECONDS=0", "SIGAP_DELIVERY_RETRY_BASE_SECONDS=1",
                                           "SIGAP_DELIVERY_RETRY_CAP_SECONDS=2", "SIGAP_PRESENCE_WATCH_INTERVAL_SECONDS=0",
                                           "SIGAP_CAMERA_PROBE_INTERVAL_SECONDS=0", "SIGAP_SURGE_WATCH_INTERVAL_SECONDS=0"});
}

ChannelServer::~ChannelServer() { stop(); }

std::string ChannelServer::start() {
  const std::vector<std::string> args{SIGAP_BINARY, "serve", "--listen", "127.0.0.1:0", "--data-dir", data_.string()};
  process_ = std::make_unique<Process>(args, environment_);
  constexpr std::string_view kPrefix = "listening on ";
  auto line = process_->wait_for_stdout_line(kPrefix, 30s);
  EXPECT_TRUE(line.has_value()) << process_->stderr_text();
  if (!line) return {};
  url_ = line->substr(line->find(kPrefix) + kPrefix.size());
  if (url_.ends_with('/')) url_.pop_back();
  return url_;
}

void ChannelServer::stop() {
  if (!process_) return;
  process_->send_signal(SIGTERM);
  auto status = process_->wait(30s);
  EXPECT_EQ(status, 0) << process_->stderr_text();
  earlier_output_ += process_->stderr_text();
  process_.reset();
}

std::string ChannelServer::output() const { return earlier_output_ + (process_ ? process_->stderr_text() : ""); }

std::vector<std::string> ChannelServer::staff() {
  // Once per test: a second sign-in within the same 30 s would replay the TOTP code (refused).
  // The session outlives a restart (it is in the database).
  if (staff_.empty()) staff_ = sign_in_staff(url_, kStaffEmail, kPassword, SystemClock{}.now());
  return staff_;
}

std::vector<std::string> codes_in(const std::string& text) {
  static const std::regex kCode("SGP-[0-9A-Z]{4}-[0-9A-Z]{4}");
  std::vector<std::string> codes;
  for (std::sregex_iterator it(text.begin(), text.end(), kCode), end; it != end; ++it) {
    if (std::find(codes.begin(), codes.end(), it->str()) == codes.end()) codes.push_back(it->str());
  }
  return codes;
}

std::string number_of(const std::string& list, const std::string& label) {
  auto at = list.find(". " + label);
  if (at == std::string::npos) return {};
  auto start = list.rfind('\n', at);
  start = start == std::string::npos ? 0 : start + 1;
  return list.substr(start, at - start);
}

}  // namespace sigap::testing
