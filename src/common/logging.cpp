#include "common/logging.hpp"

#include <chrono>
#include <memory>

#include <fmt/chrono.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>

namespace sigap::logging {

namespace {

thread_local std::string current_request_id_value;

/// Writes each record as one JSON object. The access logger's message is already a list of
/// JSON members and is spliced in as is; other messages are escaped into "msg".
class JsonLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line;
    line.reserve(160 + msg.payload.size());
    auto since_epoch = msg.time.time_since_epoch();
    auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count() % 1000;
    line += fmt::format("{{\"ts\":\"{:%Y-%m-%dT%H:%M:%S}.{:03}Z\",\"level\":\"",
                        std::chrono::floor<std::chrono::seconds>(msg.time), millis);
    auto level = spdlog::level::to_string_view(msg.level);
    line.append(level.data(), level.size());
    line += "\",\"logger\":";
    append_json_string(line, std::string_view(msg.logger_name.data(), msg.logger_name.size()));
    if (!current_request_id_value.empty()) {
      line += ",\"request_id\":";
      append_json_string(line, current_request_id_value);
    }
    std::string_view payload(msg.payload.data(), msg.payload.size());
    if (msg.logger_name == std::string_view("access")) {
      line += ',';
      line += payload;
    } else {
      line += ",\"msg\":";
      append_json_string(line, payload);
    }
    line += "}\n";
    dest.append(line.data(), line.data() + line.size());
  }

  [[nodiscard]] std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonLineFormatter>();
  }
};

std::shared_ptr<spdlog::logger> make_logger(const std::string& name,
                                            const spdlog::sink_ptr& sink) {
  auto logger = std::make_shared<spdlog::logger>(name, sink);
  logger->set_formatter(std::make_unique<JsonLineFormatter>());
  return logger;
}

struct Loggers {
  std::shared_ptr<spdlog::logger> app;
  std::shared_ptr<spdlog::logger> access;
};

Loggers& loggers() {
  static Loggers instance = [] {
    auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    return Loggers{make_logger("sigap", sink), make_logger("access", sink)};
  }();
  return instance;
}

}  // namespace

void init(std::string_view level) {
  auto parsed = spdlog::level::from_str(std::string(level));
  loggers().app->set_level(parsed);
  loggers().access->set_level(parsed == spdlog::level::off ? parsed : spdlog::level::info);
}

spdlog::logger& app() { return *loggers().app; }
spdlog::logger& access() { return *loggers().access; }

void append_json_string(std::string& out, std::string_view value) {
  out += '"';
  for (char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

RequestScope::RequestScope(std::string_view request_id)
    : previous_(std::move(current_request_id_value)) {
  current_request_id_value = std::string(request_id);
}

RequestScope::~RequestScope() { current_request_id_value = std::move(previous_); }

std::string_view current_request_id() { return current_request_id_value; }

}  // namespace sigap::logging
