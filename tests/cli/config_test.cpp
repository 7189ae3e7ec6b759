// How `sigap serve` is configured: the TOML file, SIGAP_* variables, flags, and the one clear
// error when something is wrong.
#include "cli/config.hpp"

#include <cmath>
#include <fstream>

#include <gtest/gtest.h>

#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

namespace sigap::cli {
namespace {

using Environment = std::map<std::string, std::string>;

class ConfigFileTest : public ::testing::Test {
 protected:
  // Writes `toml` to a file in the temp dir and returns its path.
  std::string write_toml(std::string_view toml, std::string_view name = "sigap.toml") {
    auto path = (dir_.path() / name).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << toml;
    EXPECT_TRUE(out.good()) << path;
    return path;
  }

  testing::TempDir dir_;
  Config config_;
};

// The one field of a failed result ("<field>: <message>"), or "" when it succeeded.
std::string failure(const Result<void>& result) {
  if (result.ok()) return "";
  EXPECT_EQ(result.error().code(), ErrorCode::validation);
  EXPECT_EQ(result.error().fields().size(), 1U);
  return one_line(result.error());
}

std::string field_of(const Result<void>& result) {
  if (result.ok() || result.error().fields().empty()) return "<none>";
  return result.error().fields().front().field;
}

Settings from_environment(const Environment& environment) {
  return settings_from_environment([&environment](const char* name) -> const char* {
    auto found = environment.find(name);
    return found == environment.end() ? nullptr : found->second.c_str();
  });
}

TEST_F(ConfigFileTest, ReadsEveryKnownKey) {
  auto path = write_toml(R"(# Sigap on the city's server
listen = "0.0.0.0:80"
db = "sqlite:/var/lib/sigap/sigap.db"
data_dir = "/var/lib/sigap"
web_dir = "/usr/share/sigap/web"
log_level = "warn"
max_json_body = 2097152
read_timeout_seconds = 15
threads = 4
db_connections = 8
sqlite_memory_mib = 128
)");
  ASSERT_TRUE(apply_config_file(config_, path).ok()) << failure(apply_config_file(config_, path));
  EXPECT_EQ(config_.listen, "0.0.0.0:80");
  EXPECT_EQ(config_.db, "sqlite:/var/lib/sigap/sigap.db");
  EXPECT_EQ(config_.data_dir, "/var/lib/sigap");
  EXPECT_EQ(config_.web_dir, "/usr/share/sigap/web");
  EXPECT_EQ(config_.log_level, "warn");
  EXPECT_EQ(config_.max_json_body, 2097152);
  EXPECT_EQ(config_.read_timeout_seconds, 15);
  EXPECT_EQ(config_.threads, 4);
  EXPECT_EQ(config_.db_connections, 8);
  EXPECT_EQ(config_.sqlite_memory_mib, 128);
}

TEST_F(ConfigFileTest, KeysNotInTheFileKeepTheirDefaults) {
  ASSERT_TRUE(apply_config_file(config_, write_toml("log_level = \"debug\"\n")).ok());
  EXPECT_EQ(config_.log_level, "debug");
  EXPECT_EQ(config_.listen, "127.0.0.1:8080");
  EXPECT_EQ(config_.data_dir, "sigap-data");
  EXPECT_EQ(config_.max_json_body, 1024 * 1024);
}

TEST_F(ConfigFileTest, UnknownKeyIsAnErrorNamingTheFileAndTheKey) {
  auto path = write_toml("listen = \"0.0.0.0:80\"\nlisten_port = 80\n");
  auto applied = apply_config_file(config_, path);
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.error().code(), ErrorCode::validation);
  ASSERT_EQ(applied.error().fields().size(), 1U);
  EXPECT_NE(applied.error().fields()[0].field.find(path), std::string::npos) << applied.error().fields()[0].field;
  EXPECT_NE(applied.error().fields()[0].message.en.find("\"listen_port\""), std::string::npos)
      << applied.error().fields()[0].message.en;
}

TEST_F(ConfigFileTest, TableIsAnUnknownKey) {
  auto applied = apply_config_file(config_, write_toml("[server]\nlisten = \"0.0.0.0:80\"\n"));
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(failure(applied).find("\"server\""), std::string::npos) << failure(applied);
}

TEST_F(ConfigFileTest, TextKeyWithANumberIsAnErrorNamingTheKey) {
  auto applied = apply_config_file(config_, write_toml("listen = 8080\n"));
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(field_of(applied).find("listen"), std::string::npos) << field_of(applied);
  EXPECT_NE(failure(applied).find("string"), std::string::npos) << failure(applied);
}

TEST_F(ConfigFileTest, NumberKeyWithTextIsAnErrorNamingTheKey) {
  for (std::string_view toml : {"max_json_body = \"1MB\"\n", "max_json_body = 1.5\n"}) {
    auto applied = apply_config_file(config_, write_toml(toml));
    ASSERT_FALSE(applied.ok()) << toml;
    EXPECT_NE(field_of(applied).find("max_json_body"), std::string::npos) << field_of(applied);
    EXPECT_NE(failure(applied).find("integer"), std::string::npos) << failure(applied);
  }
}

TEST_F(ConfigFileTest, MissingFileIsAnErrorNamingTheFile) {
  auto path = (dir_.path() / "missing.toml").string();
  auto applied = apply_config_file(config_, path);
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(field_of(applied).find(path), std::string::npos) << field_of(applied);
}

TEST_F(ConfigFileTest, SyntaxErrorNamesTheFileAndTheLine) {
  auto path = write_toml("listen = \"0.0.0.0:80\"\nlog_level = \"info\n");
  auto applied = apply_config_file(config_, path);
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(field_of(applied).find(path), std::string::npos) << field_of(applied);
  EXPECT_NE(failure(applied).find("line 2"), std::string::npos) << failure(applied);
}

TEST(ConfigEnvironment, PicksOutSigapVariablesByKey) {
  auto settings = from_environment({{"SIGAP_LISTEN", "0.0.0.0:9000"},
                                    {"SIGAP_DATA_DIR", "/srv/sigap"},
                                    {"SIGAP_MAX_JSON_BODY", "4096"},
                                    {"SIGAP_TEST_POSTGRES_URL", "postgres://test"},
                                    {"SIGAP_COLOUR", "blue"},
                                    {"LISTEN", "elsewhere:1"},
                                    {"HOME", "/root"}});
  EXPECT_EQ(settings, (Settings{{"data_dir", "/srv/sigap"}, {"listen", "0.0.0.0:9000"}, {"max_json_body", "4096"}}));
}

TEST(ConfigEnvironment, NothingSetGivesNoSettings) { EXPECT_TRUE(from_environment({}).empty()); }

TEST(ConfigSettings, BadNumberIsAnErrorNamingTheSourceAndKey) {
  Config config;
  auto applied = apply_settings(config, {{"threads", "many"}}, "environment");
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(field_of(applied), "environment threads");
  EXPECT_NE(failure(applied).find("many"), std::string::npos) << failure(applied);
  EXPECT_EQ(config.threads, 0);

  EXPECT_EQ(field_of(apply_settings(config, {{"db_connections", "8 "}}, "flag")), "flag db_connections");
  EXPECT_EQ(field_of(apply_settings(config, {{"read_timeout_seconds", ""}}, "flag")), "flag read_timeout_seconds");
}

TEST(ConfigSettings, UnknownKeyIsAnErrorNamingTheSourceAndKey) {
  Config config;
  EXPECT_EQ(field_of(apply_settings(config, {{"colour", "blue"}}, "flag")), "flag colour");
}

TEST(ConfigSettings, NumbersAndTextAreApplied) {
  Config config;
  Settings settings{{"threads", "16"}, {"web_dir", "/srv/web"}, {"max_json_body", "-5"}};
  ASSERT_TRUE(apply_settings(config, settings, "flag").ok());
  EXPECT_EQ(config.threads, 16);
  EXPECT_EQ(config.web_dir, "/srv/web");
  EXPECT_EQ(config.max_json_body, -5);  // range is checked by validate()
}

TEST_F(ConfigFileTest, FlagsBeatEnvironmentWhichBeatsTheFile) {
  auto path = write_toml("listen = \"10.0.0.1:80\"\nlog_level = \"debug\"\ndata_dir = \"/from/file\"\n");
  ASSERT_TRUE(apply_config_file(config_, path).ok());
  auto environment = from_environment({{"SIGAP_LISTEN", "10.0.0.2:81"}, {"SIGAP_LOG_LEVEL", "warn"}});
  ASSERT_TRUE(apply_settings(config_, environment, "environment").ok());
  ASSERT_TRUE(apply_settings(config_, {{"listen", "10.0.0.3:82"}}, "flag").ok());
  ASSERT_TRUE(validate(config_).ok()) << failure(validate(config_));

  EXPECT_EQ(config_.listen, "10.0.0.3:82");  // flag
  EXPECT_EQ(config_.log_level, "warn");      // environment over file
  EXPECT_EQ(config_.data_dir, "/from/file");  // file over default
  EXPECT_EQ(config_.host, "10.0.0.3");
  EXPECT_EQ(config_.port, 82);
  EXPECT_EQ(config_.db, "sqlite:/from/file/sigap.db");
}

TEST(ConfigValidate, DefaultsAreValidAndDefaultDbLivesInTheDataDir) {
  Config config;
  ASSERT_TRUE(validate(config).ok()) << failure(validate(config));
  EXPECT_EQ(config.host, "127.0.0.1");
  EXPECT_EQ(config.port, 8080);
  EXPECT_EQ(config.db, "sqlite:sigap-data/sigap.db");
}

TEST(ConfigValidate, GivenDbIsKept) {
  Config config;
  config.db = "sqlite:/tmp/other.db";
  ASSERT_TRUE(validate(config).ok()) << failure(validate(config));
  EXPECT_EQ(config.db, "sqlite:/tmp/other.db");
}

TEST(ConfigValidate, BracketedIpv6ListenAddress) {
  Config config;
  config.listen = "[::1]:8080";
  ASSERT_TRUE(validate(config).ok()) << failure(validate(config));
  EXPECT_EQ(config.host, "::1");
  EXPECT_EQ(config.port, 8080);
}

TEST(ConfigValidate, PortZeroMeansAnyFreePort) {
  Config config;
  config.listen = "0.0.0.0:0";
  ASSERT_TRUE(validate(config).ok()) << failure(validate(config));
  EXPECT_EQ(config.host, "0.0.0.0");
  EXPECT_EQ(config.port, 0);
}

struct InvalidCase {
  std::string_view key;
  std::string_view value;
  std::string_view field;  // the field the error must name
};

void PrintTo(const InvalidCase& row, std::ostream* out) { *out << row.key << " = \"" << row.value << '"'; }

class ConfigValidateRejects : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(ConfigValidateRejects, WithOneLineNamingTheKey) {
  const auto& row = GetParam();
  Config config;
  ASSERT_TRUE(apply_settings(config, {{std::string(row.key), std::string(row.value)}}, "flag").ok());
  auto valid = validate(config);
  ASSERT_FALSE(valid.ok()) << row.key << " = \"" << row.value << "\" was accepted";
  EXPECT_EQ(field_of(valid), row.field);
  EXPECT_TRUE(failure(valid).starts_with(std::string(row.field) + ": ")) << failure(valid);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConfigValidateRejects,
    ::testing::Values(InvalidCase{"listen", "nohost", "listen"}, InvalidCase{"listen", "localhost:70000", "listen"},
                      InvalidCase{"listen", "localhost:65536", "listen"}, InvalidCase{"listen", "localhost:", "listen"},
                      InvalidCase{"listen", ":8080", "listen"}, InvalidCase{"listen", "localhost:80a", "listen"},
                      InvalidCase{"listen", "localhost:-1", "listen"}, InvalidCase{"listen", "[::1]", "listen"},
                      InvalidCase{"listen", "", "listen"}, InvalidCase{"log_level", "verbose", "log_level"},
                      InvalidCase{"log_level", "INFO", "log_level"}, InvalidCase{"db", "mysql://x", "db"},
                      InvalidCase{"db", "sqlite:", "db"}, InvalidCase{"data_dir", "", "data_dir"},
                      InvalidCase{"max_json_body", "100", "max_json_body"},
                      InvalidCase{"read_timeout_seconds", "0", "read_timeout_seconds"},
                      InvalidCase{"threads", "-1", "threads"}, InvalidCase{"threads", "1000", "threads"},
                      InvalidCase{"db_connections", "0", "db_connections"},
                      InvalidCase{"sqlite_memory_mib", "-1", "sqlite_memory_mib"}));

TEST(ConfigValidate, BadDbUrlSaysWhatIsExpected) {
  Config config;
  config.db = "mysql://x";
  auto valid = validate(config);
  ASSERT_FALSE(valid.ok());
  EXPECT_NE(failure(valid).find("sqlite:PATH"), std::string::npos) << failure(valid);
}

// --- rate limits ----------------------------------------------------------------------------

void expect_policy(const Config& config, http::RateBudget budget, double capacity, double refill_per_second) {
  auto found = config.rate_limits.find(budget);
  ASSERT_NE(found, config.rate_limits.end()) << static_cast<int>(budget);
  EXPECT_DOUBLE_EQ(found->second.capacity, capacity) << static_cast<int>(budget);
  EXPECT_DOUBLE_EQ(found->second.refill_per_second, refill_per_second) << static_cast<int>(budget);
}

TEST(ConfigRateLimits, UnsetKeysGiveTheBuiltInDefaultsForEveryBudget) {
  Config config;
  ASSERT_TRUE(validate(config).ok()) << failure(validate(config));
  auto defaults = http::RateLimiter::defaults();
  ASSERT_EQ(config.rate_limits.size(), defaults.size());
  for (const auto& [budget, policy] : defaults) expect_policy(config, budget, policy.capacity, policy.refill_per_second);
}

TEST_F(ConfigFileTest, RateLimitsFromTheFileAreParsedPerBudget) {
  auto path = write_toml(R"(rate_limit_intake = "20/0.5"
rate_limit_login = "5/0.1"
rate_limit_api = "1e3/2.5e2"
rate_limit_tracking = "off"
)");
  ASSERT_TRUE(apply_config_file(config_, path).ok()) << failure(apply_config_file(config_, path));
  ASSERT_TRUE(validate(config_).ok()) << failure(validate(config_));
  expect_policy(config_, http::RateBudget::intake, 20, 0.5);
  expect_policy(config_, http::RateBudget::login, 5, 0.1);
  expect_policy(config_, http::RateBudget::api, 1000, 250);
  expect_policy(config_, http::RateBudget::tracking, unlimited_rate().capacity, unlimited_rate().refill_per_second);
}

TEST_F(ConfigFileTest, RateLimitInTheFileMustBeAString) {
  auto applied = apply_config_file(config_, write_toml("rate_limit_intake = 10\n"));
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(field_of(applied).find("rate_limit_intake"), std::string::npos) << field_of(applied);
  EXPECT_NE(failure(applied).find("string"), std::string::npos) << failure(applied);
}

TEST(ConfigRateLimits, EnvironmentVariablesNameTheKeys) {
  auto settings = from_environment({{"SIGAP_RATE_LIMIT_INTAKE", "off"},
                                    {"SIGAP_RATE_LIMIT_LOGIN", "3/0.05"},
                                    {"SIGAP_RATE_LIMIT_API", "240/40"},
                                    {"SIGAP_RATE_LIMIT_TRACKING", "off"},
                                    {"SIGAP_RATE_LIMIT", "off"}});
  EXPECT_EQ(settings, (Settings{{"rate_limit_api", "240/40"},
                                {"rate_limit_intake", "off"},
                                {"rate_limit_login", "3/0.05"},
                                {"rate_limit_tracking", "off"}}));
  Config config;
  ASSERT_TRUE(apply_settings(config, settings, "environment").ok());
  ASSERT_TRUE(validate(config).ok()) << failure(validate(config));
  expect_policy(config, http::RateBudget::login, 3, 0.05);
  expect_policy(config, http::RateBudget::api, 240, 40);
  expect_policy(config, http::RateBudget::intake, unlimited_rate().capacity, unlimited_rate().refill_per_second);
}

TEST(ConfigRateLimits, OneKeyLeavesTheOtherBudgetsAtTheirDefaults) {
  Config config;
  config.rate_limit_intake = "10/0.1667";
  ASSERT_TRUE(validate(config).ok()) << failure(validate(config));
  expect_policy(config, http::RateBudget::intake, 10, 0.1667);
  auto defaults = http::RateLimiter::defaults();
  for (auto budget : {http::RateBudget::login, http::RateBudget::api, http::RateBudget::tracking}) {
    expect_policy(config, budget, defaults.at(budget).capacity, defaults.at(budget).refill_per_second);
  }
}

TEST(ConfigRateLimits, OffIsABucketNoClientCanEmpty) {
  auto off = unlimited_rate();
  EXPECT_TRUE(std::isfinite(off.capacity) && std::isfinite(off.refill_per_second));  // RateLimiter refuses others
  EXPECT_GE(off.capacity, 1e9);
  EXPECT_GE(off.refill_per_second, 1e9);
  // The limiter accepts it and lets a flood from one address through.
  testing::FakeClock clock;  // frozen: nothing refills
  http::RateLimiter limiter(clock, {{http::RateBudget::intake, off}});
  for (int i = 0; i < 10'000; ++i) ASSERT_TRUE(limiter.take(http::RateBudget::intake, "ip:127.0.0.1").allowed) << i;
}

TEST(ConfigRateLimits, ValuesAreAppliedByValidateNotBefore) {
  Config config;
  ASSERT_TRUE(apply_settings(config, {{"rate_limit_api", "nonsense"}}, "flag").ok());
  EXPECT_EQ(config.rate_limit_api, "nonsense");
  EXPECT_EQ(field_of(validate(config)), "rate_limit_api");
}

TEST(ConfigRateLimits, BadValueSaysWhatIsExpected) {
  Config config;
  config.rate_limit_login = "10 per minute";
  auto valid = validate(config);
  ASSERT_FALSE(valid.ok());
  EXPECT_EQ(failure(valid), "rate_limit_login: \"10 per minute\" is not BURST/PER_SECOND (e.g. 10/0.1667) or off");
}

INSTANTIATE_TEST_SUITE_P(
    RateLimits, ConfigValidateRejects,
    ::testing::Values(InvalidCase{"rate_limit_intake", "10", "rate_limit_intake"},
                      InvalidCase{"rate_limit_intake", "10/", "rate_limit_intake"},
                      InvalidCase{"rate_limit_intake", "/0.5", "rate_limit_intake"},
                      InvalidCase{"rate_limit_intake", "10/0.5/1", "rate_limit_intake"},
                      InvalidCase{"rate_limit_intake", "10 / 0.5", "rate_limit_intake"},
                      InvalidCase{"rate_limit_intake", "OFF", "rate_limit_intake"},
                      InvalidCase{"rate_limit_intake", "none", "rate_limit_intake"},
                      InvalidCase{"rate_limit_login", "0/1", "rate_limit_login"},
                      InvalidCase{"rate_limit_login", "0.5/1", "rate_limit_login"},
                      InvalidCase{"rate_limit_login", "-10/1", "rate_limit_login"},
                      InvalidCase{"rate_limit_api", "120/0", "rate_limit_api"},
                      InvalidCase{"rate_limit_api", "120/-20", "rate_limit_api"},
                      InvalidCase{"rate_limit_api", "inf/20", "rate_limit_api"},
                      InvalidCase{"rate_limit_api", "120/nan", "rate_limit_api"},
                      InvalidCase{"rate_limit_api", "1e10/20", "rate_limit_api"},
                      InvalidCase{"rate_limit_tracking", "60/1e10", "rate_limit_tracking"},
                      InvalidCase{"rate_limit_tracking", "+60/1", "rate_limit_tracking"},
                      InvalidCase{"rate_limit_tracking", "0x10/1", "rate_limit_tracking"}));

// The portal's map tiles: https only (the page's CSP allows https images), with the three
// placeholders, nothing that could break out of an attribute.
INSTANTIATE_TEST_SUITE_P(
    MapTiles, ConfigValidateRejects,
    ::testing::Values(InvalidCase{"map_tile_url", "http://tile.example.id/{z}/{x}/{y}.png", "map_tile_url"},
                      InvalidCase{"map_tile_url", "https://tile.example.id/{z}/{x}.png", "map_tile_url"},
                      InvalidCase{"map_tile_url", "https://tile.example.id/\"{z}/{x}/{y}", "map_tile_url"},
                      InvalidCase{"map_tile_url", "javascript:alert(1)//{z}{x}{y}", "map_tile_url"}));

// Open311: the jurisdiction is a domain name (it is compared with what clients send), the
// discovery contact is never empty.
INSTANTIATE_TEST_SUITE_P(
    Open311, ConfigValidateRejects,
    ::testing::Values(InvalidCase{"open311_jurisdiction_id", "palembang go id", "open311_jurisdiction_id"},
                      InvalidCase{"open311_jurisdiction_id", "", "open311_jurisdiction_id"},
                      InvalidCase{"open311_contact", "", "open311_contact"}));

TEST(Open311Settings, DefaultToPalembangAndAreTakenFromTheEnvironment) {
  Config config;
  ASSERT_TRUE(validate(config).ok());
  EXPECT_EQ(config.open311_jurisdiction_id, "palembang.go.id");
  ASSERT_TRUE(apply_settings(config,
                             settings_from_environment([](const char* name) -> const char* {
                               if (std::string_view(name) == "SIGAP_OPEN311_JURISDICTION_ID") return "semarangkota.go.id";
                               return nullptr;
                             }),
                             "environment")
                  .ok());
  EXPECT_TRUE(validate(config).ok());
  EXPECT_EQ(config.open311_jurisdiction_id, "semarangkota.go.id");
}

TEST(MapTiles, AnHttpsTileUrlIsAcceptedAndNoneMeansNoMap) {
  Config config;
  ASSERT_TRUE(validate(config).ok()) << "no map by default";
  ASSERT_TRUE(apply_settings(config, {{"map_tile_url", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"}}, "flag").ok());
  EXPECT_TRUE(validate(config).ok());
}

}  // namespace
}  // namespace sigap::cli

// --- integration (docs/integration.md) ------------------------------------------------------

namespace sigap::cli {
namespace {

INSTANTIATE_TEST_SUITE_P(
    Integration, ConfigValidateRejects,
    ::testing::Values(InvalidCase{"webhook_allow_hosts", "not a host!", "webhook_allow_hosts"},
                      InvalidCase{"webhook_allow_hosts", "10.0.0.0/40", "webhook_allow_hosts"},
                      InvalidCase{"webhook_timeout_seconds", "0", "webhook_timeout_seconds"},
                      InvalidCase{"delivery_retry_base_seconds", "0", "delivery_retry_base_seconds"},
                      InvalidCase{"delivery_retry_cap_seconds", "5", "delivery_retry_cap_seconds"},  // below the base
                      InvalidCase{"delivery_retry_window_seconds", "0", "delivery_retry_window_seconds"},
                      InvalidCase{"public_url", "sigap.palembang.go.id", "public_url"},
                      InvalidCase{"smtp_url", "mail.palembang.go.id:25", "smtp_url"},
                      InvalidCase{"smtp_url", "smtp://mail.palembang.go.id:587", "smtp_from"},  // no sender
                      InvalidCase{"smtp_tls", "maybe", "smtp_tls"}));

TEST(ConfigIntegration, TheWebhookAllowListAndTheMailSettingsAreReadAndChecked) {
  Config config;
  ASSERT_TRUE(apply_settings(config,
                             {{"webhook_allow_hosts", "127.0.0.1, simpeg.internal 10.20.0.0/16"},
                              {"public_url", "https://sigap.palembang.go.id/"},
                              {"smtp_url", "smtp://127.0.0.1:2525"},
                              {"smtp_from", "sigap@palembang.go.id"},
                              {"smtp_tls", "none"},
                              {"delivery_retry_base_seconds", "2"},
                              {"delivery_retry_cap_seconds", "60"},
                              {"delivery_retry_window_seconds", "600"}},
                             "flag")
                  .ok());
  ASSERT_TRUE(validate(config).ok()) << failure(validate(config));
  EXPECT_TRUE(config.webhook_allow.allows_host("127.0.0.1"));
  EXPECT_TRUE(config.webhook_allow.allows_host("simpeg.internal"));
  EXPECT_TRUE(config.webhook_allow.allows_host("10.20.3.4"));
  EXPECT_FALSE(config.webhook_allow.allows_host("10.21.3.4"));
  EXPECT_EQ(config.public_url, "https://sigap.palembang.go.id") << "without the trailing slash";
  Config defaults;
  ASSERT_TRUE(validate(defaults).ok());
  EXPECT_TRUE(defaults.webhook_allow.empty()) << "https to public addresses only, unless the operator says so";
  EXPECT_EQ(defaults.delivery_retry_window_seconds, 86400) << "24 hours";
}

INSTANTIATE_TEST_SUITE_P(
    CommandCenter, ConfigValidateRejects,
    ::testing::Values(InvalidCase{"camera_allow_hosts", "not a host!", "camera_allow_hosts"},
                      InvalidCase{"camera_timeout_seconds", "0", "camera_timeout_seconds"},
                      InvalidCase{"camera_probe_interval_seconds", "-1", "camera_probe_interval_seconds"},
                      InvalidCase{"presence_watch_interval_seconds", "86400", "presence_watch_interval_seconds"},
                      InvalidCase{"surge_watch_interval_seconds", "-5", "surge_watch_interval_seconds"}));

TEST(ConfigCommandCenter, WatchesHaveDefaultsAndCamerasAnAllowList) {
  Config defaults;
  ASSERT_TRUE(validate(defaults).ok());
  EXPECT_EQ(defaults.presence_watch_interval_seconds, 60);
  EXPECT_EQ(defaults.camera_probe_interval_seconds, 30);
  EXPECT_EQ(defaults.camera_timeout_seconds, 10);
  EXPECT_EQ(defaults.surge_watch_interval_seconds, 300);
  EXPECT_TRUE(defaults.camera_allow.empty()) << "no loopback cameras unless the operator says so";
  Config config;
  ASSERT_TRUE(apply_settings(config, {{"camera_allow_hosts", "127.0.0.1"}, {"camera_probe_interval_seconds", "0"}},
                             "flag")
                  .ok());
  ASSERT_TRUE(validate(config).ok()) << failure(validate(config));
  EXPECT_TRUE(config.camera_allow.allows_host("127.0.0.1"));
  EXPECT_EQ(config.camera_probe_interval_seconds, 0) << "off";
}

}  // namespace
}  // namespace sigap::cli

// --- e-mail reports through LMTP (docs/channels.md) ------------------------------------------

namespace sigap::cli {
namespace {

INSTANTIATE_TEST_SUITE_P(
    Email, ConfigValidateRejects,
    ::testing::Values(InvalidCase{"lmtp_listen", "0.0.0.0:2424", "lmtp_listen"},  // LMTP has no authentication
                      InvalidCase{"lmtp_listen", "10.0.0.5:2424", "lmtp_listen"},
                      InvalidCase{"lmtp_listen", "127.0.0.1", "lmtp_listen"},
                      InvalidCase{"lmtp_listen", "127.0.0.1:70000", "lmtp_listen"},
                      InvalidCase{"lmtp_listen", "127.0.0.1:2424", "lmtp_recipients"},  // mail for nobody
                      InvalidCase{"lmtp_max_message_bytes", "10", "lmtp_max_message_bytes"},
                      InvalidCase{"lmtp_timeout_seconds", "0", "lmtp_timeout_seconds"}));

TEST(ConfigEmail, OffByDefaultAndALoopbackAddressWithRecipientsIsTaken) {
  Config defaults;
  ASSERT_TRUE(validate(defaults).ok());
  EXPECT_TRUE(defaults.lmtp_listen.empty()) << "no LMTP listener unless asked for";
  EXPECT_EQ(defaults.lmtp_max_message_bytes, 25 * 1024 * 1024);
  Config config;
  ASSERT_TRUE(apply_settings(config,
                             {{"lmtp_listen", "[::1]:2424"},
                              {"lmtp_recipients", "aduan@palembang.go.id, @lapor.palembang.go.id"}},
                             "flag")
                  .ok());
  ASSERT_TRUE(validate(config).ok()) << failure(validate(config));
  EXPECT_EQ(config.lmtp_host, "::1");
  EXPECT_EQ(config.lmtp_port, 2424);
}

}  // namespace
}  // namespace sigap::cli
