#include "cli/config.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "channels/email/lmtp_session.hpp"
#include "storage/database_url.hpp"

namespace sigap::cli {

namespace {

enum class Kind { text, integer };

struct Key {
  std::string_view name;
  Kind kind;
  std::string Config::*text = nullptr;
  std::int64_t Config::*integer = nullptr;
};

const std::array<Key, 58> kKeys{{
    {"listen", Kind::text, &Config::listen},
    {"data_key_file", Kind::text, &Config::data_key_file},
    {"db", Kind::text, &Config::db},
    {"data_dir", Kind::text, &Config::data_dir},
    {"web_dir", Kind::text, &Config::web_dir},
    {"log_level", Kind::text, &Config::log_level},
    {"max_json_body", Kind::integer, nullptr, &Config::max_json_body},
    {"read_timeout_seconds", Kind::integer, nullptr, &Config::read_timeout_seconds},
    {"threads", Kind::integer, nullptr, &Config::threads},
    {"db_connections", Kind::integer, nullptr, &Config::db_connections},
    {"sqlite_memory_mib", Kind::integer, nullptr, &Config::sqlite_memory_mib},
    {"rate_limit_intake", Kind::text, &Config::rate_limit_intake},
    {"rate_limit_login", Kind::text, &Config::rate_limit_login},
    {"rate_limit_api", Kind::text, &Config::rate_limit_api},
    {"rate_limit_tracking", Kind::text, &Config::rate_limit_tracking},
    {"sla_watch_interval_seconds", Kind::integer, nullptr, &Config::sla_watch_interval_seconds},
    {"sla_first_response_rule", Kind::text, &Config::sla_first_response_rule},
    {"map_tile_url", Kind::text, &Config::map_tile_url},
    {"map_attribution", Kind::text, &Config::map_attribution},
    {"open311_jurisdiction_id", Kind::text, &Config::open311_jurisdiction_id},
    {"open311_contact", Kind::text, &Config::open311_contact},
    {"public_url", Kind::text, &Config::public_url},
    {"webhook_allow_hosts", Kind::text, &Config::webhook_allow_hosts},
    {"webhook_timeout_seconds", Kind::integer, nullptr, &Config::webhook_timeout_seconds},
    {"delivery_retry_base_seconds", Kind::integer, nullptr, &Config::delivery_retry_base_seconds},
    {"delivery_retry_cap_seconds", Kind::integer, nullptr, &Config::delivery_retry_cap_seconds},
    {"delivery_retry_window_seconds", Kind::integer, nullptr, &Config::delivery_retry_window_seconds},
    {"smtp_url", Kind::text, &Config::smtp_url},
    {"smtp_from", Kind::text, &Config::smtp_from},
    {"smtp_username", Kind::text, &Config::smtp_username},
    {"smtp_password", Kind::text, &Config::smtp_password},
    {"smtp_tls", Kind::text, &Config::smtp_tls},
    {"presence_watch_interval_seconds", Kind::integer, nullptr, &Config::presence_watch_interval_seconds},
    {"camera_probe_interval_seconds", Kind::integer, nullptr, &Config::camera_probe_interval_seconds},
    {"camera_timeout_seconds", Kind::integer, nullptr, &Config::camera_timeout_seconds},
    {"camera_allow_hosts", Kind::text, &Config::camera_allow_hosts},
    {"whatsapp_graph_url", Kind::text, &Config::whatsapp_graph_url},
    {"whatsapp_access_token", Kind::text, &Config::whatsapp_access_token},
    {"whatsapp_app_secret", Kind::text, &Config::whatsapp_app_secret},
    {"whatsapp_verify_token", Kind::text, &Config::whatsapp_verify_token},
    {"whatsapp_phone_number_id", Kind::text, &Config::whatsapp_phone_number_id},
    {"telegram_api_url", Kind::text, &Config::telegram_api_url},
    {"telegram_bot_token", Kind::text, &Config::telegram_bot_token},
    {"telegram_secret_token", Kind::text, &Config::telegram_secret_token},
    {"sms_secret", Kind::text, &Config::sms_secret},
    {"sms_from_field", Kind::text, &Config::sms_from_field},
    {"sms_text_field", Kind::text, &Config::sms_text_field},
    {"sms_secret_field", Kind::text, &Config::sms_secret_field},
    {"sms_gateway_url", Kind::text, &Config::sms_gateway_url},
    {"sms_gateway_format", Kind::text, &Config::sms_gateway_format},
    {"sms_gateway_to_field", Kind::text, &Config::sms_gateway_to_field},
    {"sms_gateway_text_field", Kind::text, &Config::sms_gateway_text_field},
    {"sms_gateway_token", Kind::text, &Config::sms_gateway_token},
    {"surge_watch_interval_seconds", Kind::integer, nullptr, &Config::surge_watch_interval_seconds},
    {"lmtp_listen", Kind::text, &Config::lmtp_listen},
    {"lmtp_recipients", Kind::text, &Config::lmtp_recipients},
    {"lmtp_max_message_bytes", Kind::integer, nullptr, &Config::lmtp_max_message_bytes},
    {"lmtp_timeout_seconds", Kind::integer, nullptr, &Config::lmtp_timeout_seconds},
}};

struct RateKey {
  std::string_view name;
  std::string Config::*text;
  http::RateBudget budget;
};

const std::array<RateKey, 4> kRateKeys{{
    {"rate_limit_intake", &Config::rate_limit_intake, http::RateBudget::intake},
    {"rate_limit_login", &Config::rate_limit_login, http::RateBudget::login},
    {"rate_limit_api", &Config::rate_limit_api, http::RateBudget::api},
    {"rate_limit_tracking", &Config::rate_limit_tracking, http::RateBudget::tracking},
}};

// Largest burst and rate a rate_limit_* key may name ("off" goes beyond on purpose).
constexpr double kMaxRateFigure = 1e9;

const Key* find_key(std::string_view name) {
  for (const auto& key : kKeys) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

Error problem(std::string field, std::string message_en) {
  return Error(ErrorCode::validation, Text{"Konfigurasi tidak valid.", "Invalid configuration."},
               {FieldError{std::move(field), Text{message_en, message_en}}});
}

std::string known_keys() {
  std::string out;
  for (const auto& key : kKeys) {
    if (!out.empty()) out += ", ";
    out += key.name;
  }
  return out;
}

Result<void> set_text(Config& config, const Key& key, std::string_view value, std::string_view source) {
  if (key.kind == Kind::text) {
    config.*key.text = std::string(value);
    return {};
  }
  std::int64_t number = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return problem(fmt::format("{} {}", source, key.name), fmt::format("\"{}\" is not a whole number", value));
  }
  config.*key.integer = number;
  return {};
}

Result<void> check_range(std::string_view key, std::int64_t value, std::int64_t low, std::int64_t high) {
  if (value < low || value > high) {
    return problem(std::string(key), fmt::format("{} is outside {}..{}", value, low, high));
  }
  return {};
}

// One number of "BURST/PER_SECOND": plain decimal or exponent notation, nothing around it.
std::optional<double> rate_figure(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

Result<http::BucketPolicy> parse_rate_limit(std::string_view key, std::string_view text) {
  if (text == "off") return unlimited_rate();
  auto slash = text.find('/');
  std::optional<double> burst, per_second;
  if (slash != std::string_view::npos) {
    burst = rate_figure(text.substr(0, slash));
    per_second = rate_figure(text.substr(slash + 1));
  }
  if (!burst || !per_second) {
    return problem(std::string(key), fmt::format("\"{}\" is not BURST/PER_SECOND (e.g. 10/0.1667) or off", text));
  }
  if (*burst < 1 || *burst > kMaxRateFigure) {
    return problem(std::string(key),
                   fmt::format("burst {} is outside 1..{:.0f} (each request takes one token)", *burst, kMaxRateFigure));
  }
  if (*per_second <= 0 || *per_second > kMaxRateFigure) {
    return problem(std::string(key), fmt::format("rate {} per second is outside (0, {:.0f}] (\"off\" for no limit)",
                                                 *per_second, kMaxRateFigure));
  }
  return http::BucketPolicy{*burst, *per_second};
}

// The keys of webhooks, retries and e-mail (docs/integration.md).
// The Command Center's watches and camera probes (docs/command-center.md).
Result<void> check_command_center(Config& config) {
  if (auto ok = check_range("presence_watch_interval_seconds", config.presence_watch_interval_seconds, 0, 3600); !ok) {
    return ok;
  }
  if (auto ok = check_range("camera_probe_interval_seconds", config.camera_probe_interval_seconds, 0, 3600); !ok) {
    return ok;
  }
  if (auto ok = check_range("camera_timeout_seconds", config.camera_timeout_seconds, 1, 60); !ok) return ok;
  if (auto ok = check_range("surge_watch_interval_seconds", config.surge_watch_interval_seconds, 0, 3600); !ok) {
    return ok;
  }
  auto allow = domain::integration::AllowList::parse(config.camera_allow_hosts, "camera_allow_hosts");
  if (!allow) return problem("camera_allow_hosts", allow.error().fields().front().message.en);
  config.camera_allow = std::move(*allow);
  return {};
}

Result<void> check_integration(Config& config) {
  auto& url = config.public_url;
  while (url.ends_with('/')) url.pop_back();
  if (!url.empty() && ((!url.starts_with("https://") && !url.starts_with("http://")) ||
                       url.find_first_of("\"'<> ") != std::string::npos || url.find("://") + 3 >= url.size())) {
    return problem("public_url", fmt::format("\"{}\" is not an http(s) URL such as https://sigap.palembang.go.id", url));
  }
  auto allow = domain::integration::AllowList::parse(config.webhook_allow_hosts, "webhook_allow_hosts");
  if (!allow) return problem("webhook_allow_hosts", allow.error().fields().front().message.en);
  config.webhook_allow = std::move(*allow);
  if (auto ok = check_range("webhook_timeout_seconds", config.webhook_timeout_seconds, 1, 120); !ok) return ok;
  if (auto ok = check_range("delivery_retry_base_seconds", config.delivery_retry_base_seconds, 1, 86400); !ok) return ok;
  if (auto ok = check_range("delivery_retry_cap_seconds", config.delivery_retry_cap_seconds,
                            config.delivery_retry_base_seconds, 86400);
      !ok) {
    return ok;
  }
  if (auto ok = check_range("delivery_retry_window_seconds", config.delivery_retry_window_seconds, 1, 30 * 86400); !ok) {
    return ok;
  }
  if (!config.smtp_url.empty()) {
    if (!config.smtp_url.starts_with("smtp://") && !config.smtp_url.starts_with("smtps://")) {
      return problem("smtp_url", fmt::format("\"{}\" is not smtp://host:port or smtps://host:port", config.smtp_url));
    }
    const auto& from = config.smtp_from;
    if (from.find('@') == std::string::npos || from.find_first_of("<>\"\r\n ,;") != std::string::npos) {
      return problem("smtp_from", fmt::format("\"{}\" is not an e-mail address (needed with smtp_url)", from));
    }
  }
  if (config.smtp_tls != "starttls" && config.smtp_tls != "none") {
    return problem("smtp_tls", fmt::format("\"{}\" is not starttls or none", config.smtp_tls));
  }
  return {};
}

// The messaging channels (docs/channels.md): provider URLs are http(s), the reply format known.
Result<void> check_channels(Config& config) {
  for (auto [key, url] : {std::pair{"whatsapp_graph_url", &config.whatsapp_graph_url},
                          std::pair{"telegram_api_url", &config.telegram_api_url},
                          std::pair{"sms_gateway_url", &config.sms_gateway_url}}) {
    while (url->ends_with('/')) url->pop_back();
    if (!url->empty() && ((!url->starts_with("https://") && !url->starts_with("http://")) ||
                          url->find_first_of("\"'<> ") != std::string::npos)) {
      return problem(key, fmt::format("\"{}\" is not an http(s) URL", *url));
    }
  }
  if (config.sms_gateway_format != "form" && config.sms_gateway_format != "json") {
    return problem("sms_gateway_format", fmt::format("\"{}\" is not form or json", config.sms_gateway_format));
  }
  for (auto [key, name] : {std::pair{"sms_from_field", &config.sms_from_field},
                           std::pair{"sms_text_field", &config.sms_text_field},
                           std::pair{"sms_secret_field", &config.sms_secret_field},
                           std::pair{"sms_gateway_to_field", &config.sms_gateway_to_field},
                           std::pair{"sms_gateway_text_field", &config.sms_gateway_text_field}}) {
    if (name->empty()) return problem(key, "a field name is needed");
  }
  return {};
}

// The e-mail door (docs/channels.md): LMTP has no authentication, so it listens on loopback only.
Result<void> check_lmtp(Config& config) {
  if (auto ok = check_range("lmtp_max_message_bytes", config.lmtp_max_message_bytes, 1024, 100 * 1024 * 1024); !ok) {
    return ok;
  }
  if (auto ok = check_range("lmtp_timeout_seconds", config.lmtp_timeout_seconds, 1, 3600); !ok) return ok;
  if (config.lmtp_listen.empty()) return {};
  const auto& listen = config.lmtp_listen;
  auto colon = listen.rfind(':');
  std::string host = colon == std::string::npos ? "" : listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::int64_t port = 0;
  auto digits = colon == std::string::npos ? std::string_view() : std::string_view(listen).substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (host.empty() || digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || port < 0 ||
      port > 65535) {
    return problem("lmtp_listen", fmt::format("\"{}\" is not HOST:PORT such as 127.0.0.1:2424", listen));
  }
  if (!host.starts_with("127.") && host != "::1") {
    return problem("lmtp_listen", fmt::format("\"{}\" is not a loopback address (LMTP has no authentication: "
                                              "let the mail server on this host deliver to 127.0.0.1)", host));
  }
  config.lmtp_host = host;
  config.lmtp_port = static_cast<std::uint16_t>(port);
  auto recipients = channels::email::RecipientPolicy::parse(config.lmtp_recipients, "lmtp_recipients");
  if (!recipients) return problem("lmtp_recipients", "list the addresses (aduan@kota.go.id) or domains (@kota.go.id) mail is taken for");
  return {};
}

}  // namespace

http::BucketPolicy unlimited_rate() { return {1e12, 1e12}; }

Result<void> apply_config_file(Config& config, const std::string& path) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return problem(fmt::format("config {}", path),
                   fmt::format("line {}, column {}: {}", where.line, where.column, e.description()));
  }
  for (const auto& [name, node] : table) {
    const auto* key = find_key(name.str());
    if (!key) {
      return problem(fmt::format("config {}", path),
                     fmt::format("unknown key \"{}\" (known: {})", name.str(), known_keys()));
    }
    if (key->kind == Kind::text) {
      if (!node.is_string()) return problem(fmt::format("config {}", key->name), "must be a string");
      config.*key->text = node.as_string()->get();
    } else {
      if (!node.is_integer()) return problem(fmt::format("config {}", key->name), "must be an integer");
      config.*key->integer = node.as_integer()->get();
    }
  }
  return {};
}

Settings settings_from_environment(const std::function<const char*(const char*)>& getenv) {
  Settings settings;
  for (const auto& key : kKeys) {
    std::string variable = "SIGAP_";
    for (char c : key.name) variable += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (const char* value = getenv(variable.c_str())) settings.emplace(std::string(key.name), value);
  }
  return settings;
}

Result<void> apply_settings(Config& config, const Settings& settings, std::string_view source) {
  for (const auto& [name, value] : settings) {
    const auto* key = find_key(name);
    if (!key) return problem(fmt::format("{} {}", source, name), "unknown key");
    if (auto set = set_text(config, *key, value, source); !set) return set;
  }
  return {};
}

Result<void> validate(Config& config) {
  // listen: HOST:PORT or [IPv6]:PORT
  auto colon = config.listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == config.listen.size()) {
    return problem("listen", fmt::format("\"{}\" is not HOST:PORT", config.listen));
  }
  auto host = config.listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  auto port_text = std::string_view(config.listen).substr(colon + 1);
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535) {
    return problem("listen", fmt::format("\"{}\" is not a port number (0-65535)", port_text));
  }
  config.host = host;
  config.port = static_cast<std::uint16_t>(port);

  static const std::array<std::string_view, 6> levels{"trace", "debug", "info", "warn", "error", "off"};
  if (std::find(levels.begin(), levels.end(), config.log_level) == levels.end()) {
    return problem("log_level", fmt::format("\"{}\" is not one of trace, debug, info, warn, error, off", config.log_level));
  }
  if (config.data_dir.empty()) return problem("data_dir", "must not be empty");
  if (config.db.empty()) config.db = "sqlite:" + config.data_dir + "/sigap.db";
  if (config.data_key_file.empty()) config.data_key_file = config.data_dir + "/keys/data.keys";
  if (auto url = storage::parse_database_url(config.db, "db"); !url) {
    return problem("db", url.error().fields().front().message.en);
  }
  if (auto ok = check_range("max_json_body", config.max_json_body, 1024, 64 * 1024 * 1024); !ok) return ok;
  if (auto ok = check_range("read_timeout_seconds", config.read_timeout_seconds, 1, 600); !ok) return ok;
  if (auto ok = check_range("threads", config.threads, 0, 256); !ok) return ok;
  if (auto ok = check_range("db_connections", config.db_connections, 1, 64); !ok) return ok;
  if (auto ok = check_range("sqlite_memory_mib", config.sqlite_memory_mib, 0, 65536); !ok) return ok;
  if (auto ok = check_range("sla_watch_interval_seconds", config.sla_watch_interval_seconds, 0, 86400); !ok) return ok;
  if (config.sla_first_response_rule != "lapor_follow_up" && config.sla_first_response_rule != "within_24_hours") {
    return problem("sla_first_response_rule",
                   fmt::format("\"{}\" is not lapor_follow_up or within_24_hours", config.sla_first_response_rule));
  }
  if (!config.map_tile_url.empty()) {
    // https only: the page's Content-Security-Policy lets images come from https: origins.
    const auto& url = config.map_tile_url;
    if (!url.starts_with("https://") || url.find("{z}") == std::string::npos || url.find("{x}") == std::string::npos ||
        url.find("{y}") == std::string::npos || url.find_first_of("\"'<> ") != std::string::npos) {
      return problem("map_tile_url", fmt::format("\"{}\" is not an https tile URL with {{z}}, {{x}} and {{y}}", url));
    }
  }
  // A domain name as GeoReport suggests ("palembang.go.id"): letters, digits, dots and hyphens.
  const auto& jurisdiction = config.open311_jurisdiction_id;
  if (jurisdiction.empty() || jurisdiction.size() > 253 ||
      jurisdiction.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") !=
          std::string::npos) {
    return problem("open311_jurisdiction_id", fmt::format("\"{}\" is not a domain name such as palembang.go.id",
                                                          jurisdiction));
  }
  if (config.open311_contact.empty()) return problem("open311_contact", "must not be empty");
  if (auto ok = check_integration(config); !ok) return ok;
  if (auto ok = check_command_center(config); !ok) return ok;
  if (auto ok = check_lmtp(config); !ok) return ok;
  if (auto ok = check_channels(config); !ok) return ok;
  config.rate_limits = http::RateLimiter::defaults();
  for (const auto& key : kRateKeys) {
    const auto& text = config.*key.text;
    if (text.empty()) continue;
    auto policy = parse_rate_limit(key.name, text);
    if (!policy) return policy.error();
    config.rate_limits[key.budget] = *policy;
  }
  return {};
}

std::string one_line(const Error& error) {
  if (!error.fields().empty()) {
    const auto& field = error.fields().front();
    return fmt::format("{}: {}", field.field, field.message.en);
  }
  return error.message().en;
}

}  // namespace sigap::cli
