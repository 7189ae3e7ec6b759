#include "cli/config.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>
#include <toml++/toml.h>

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

const std::array<Key, 10> kKeys{{
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
}};

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

}  // namespace

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
