#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "common/error.hpp"
#include "domain/integration/url_policy.hpp"
#include "http/rate_limiter.hpp"

namespace sigap::cli {

/// Everything `sigap serve` can be told. Sources, later wins: defaults, the TOML file
/// (--config), SIGAP_* environment variables, command-line flags. Keys are the same
/// everywhere: `listen` in the file, SIGAP_LISTEN in the environment, --listen as a flag.
struct Config {
  std::string listen = "127.0.0.1:8080";       // HOST:PORT, [IPv6]:PORT
  std::string db;                              // sqlite:PATH | postgres://...; default sqlite:<data_dir>/sigap.db
  std::string data_dir = "sigap-data";         // database file, uploads
  std::string data_key_file;                   // keys sealing personal data; default <data_dir>/keys/data.keys
  std::string web_dir;                         // built front end; default: web/dist beside the build
  std::string log_level = "info";              // trace, debug, info, warn, error, off
  std::int64_t max_json_body = 1024 * 1024;    // bytes
  std::int64_t read_timeout_seconds = 30;
  std::int64_t threads = 0;                    // I/O threads; 0 = one per core
  std::int64_t db_connections = 4;             // SQLite readers or PostgreSQL pool size
  std::int64_t sqlite_memory_mib = 16;         // SQLite's memory, all connections together (soft); 0 = no bound
  // Per-address (per-account for api) token buckets: "BURST/PER_SECOND" (e.g. "10/0.1667") or
  // "off" (a bucket too big to run dry: benchmarks and trusted networks only). Empty: the
  // built-in default, http::RateLimiter::defaults().
  std::string rate_limit_intake;
  std::string rate_limit_login;
  std::string rate_limit_api;
  std::string rate_limit_tracking;
  // The SLA watch (docs/sla.md): seconds between its ticks, 0 = off; and the first-response
  // rule of the city default: "lapor_follow_up" (5 working days) or "within_24_hours" (Central
  // Java's 1×24 hours).
  std::int64_t sla_watch_interval_seconds = 60;
  std::string sla_first_response_rule = "lapor_follow_up";
  // The citizen portal's map (docs/http.md): an https tile URL with {z}, {x} and {y}, e.g.
  // "https://tile.openstreetmap.org/{z}/{x}/{y}.png", and its attribution. Empty: no map; the
  // portal asks for kecamatan and kelurahan from lists.
  std::string map_tile_url;
  std::string map_attribution;
  // Open311 GeoReport v2 (docs/integration.md): the one jurisdiction served (a request naming
  // another is 404) and the discovery document's contact line.
  std::string open311_jurisdiction_id = "palembang.go.id";
  std::string open311_contact = "Diskominfo Kota Palembang, pengelola Sigap";
  // Integration (docs/integration.md). public_url: where citizens and integrators reach Sigap
  // (tracking links in messages, the CloudEvents source); empty: the listen address.
  std::string public_url;
  // Webhooks: hosts, IP addresses or CIDR blocks a subscription may reach over http or on a
  // private address (comma separated; empty: https to public addresses only), and the time
  // one delivery attempt may take.
  std::string webhook_allow_hosts;
  std::int64_t webhook_timeout_seconds = 10;
  // Retries of webhook deliveries and messages to reporters: backoff with full jitter from
  // `base`, each wait at most `cap`, for `window` seconds, then dead-lettered.
  std::int64_t delivery_retry_base_seconds = 30;
  std::int64_t delivery_retry_cap_seconds = 3600;
  std::int64_t delivery_retry_window_seconds = 86400;
  // E-mail to reporters: smtp://host:port or smtps://host:port (empty: no e-mail is sent), the
  // sender address, optional login, and "starttls" (required on smtp://) or "none" (a relay on
  // the same host).
  std::string smtp_url;
  std::string smtp_from;
  std::string smtp_username;
  std::string smtp_password;
  std::string smtp_tls = "starttls";
  // The Command Center (docs/command-center.md): seconds between two looks of the presence watch
  // (unstaffed offices), two rounds of camera probes and two looks for surges of reports, 0 = off;
  // the time one camera fetch may take; and hosts, addresses or CIDR blocks a camera may be on
  // beyond private and public networks (loopback: tests, a local proxy).
  std::int64_t presence_watch_interval_seconds = 60;
  std::int64_t camera_probe_interval_seconds = 30;
  std::int64_t camera_timeout_seconds = 10;
  std::string camera_allow_hosts;
  std::int64_t surge_watch_interval_seconds = 300;
  // Messaging channels (docs/channels.md). WhatsApp Business Cloud API: the Graph API base, the
  // access token, the app secret that signs webhooks, the verify token of the subscription
  // check, the business phone number's id (the door is open when token, secret and id are set).
  std::string whatsapp_graph_url = "https://graph.facebook.com/v21.0";
  std::string whatsapp_access_token;
  std::string whatsapp_app_secret;
  std::string whatsapp_verify_token;
  std::string whatsapp_phone_number_id;
  // Telegram Bot API: its base URL, the bot's token and the webhook's secret token.
  std::string telegram_api_url = "https://api.telegram.org";
  std::string telegram_bot_token;
  std::string telegram_secret_token;
  // An SMS gateway: the shared secret of inbound calls (header X-Sigap-Secret or a form field),
  // the inbound form's field names, and where and how replies are POSTed (form or json).
  std::string sms_secret;
  std::string sms_from_field = "from";
  std::string sms_text_field = "text";
  std::string sms_secret_field = "secret";
  std::string sms_gateway_url;
  std::string sms_gateway_format = "form";
  std::string sms_gateway_to_field = "to";
  std::string sms_gateway_text_field = "text";
  std::string sms_gateway_token;

  // E-mail reports through LMTP (docs/channels.md): HOST:PORT on loopback (empty: off), the
  // addresses or @domains mail is taken for (comma separated; required with lmtp_listen), the
  // largest message, and how long a silent connection is kept.
  std::string lmtp_listen;
  std::string lmtp_recipients;
  std::int64_t lmtp_max_message_bytes = 25 * 1024 * 1024;
  std::int64_t lmtp_timeout_seconds = 300;
  // Parsed from lmtp_listen by validate().
  std::string lmtp_host;
  std::uint16_t lmtp_port = 0;

  // Parsed from `listen` by validate().
  std::string host;
  std::uint16_t port = 0;
  // Parsed from webhook_allow_hosts by validate().
  domain::integration::AllowList webhook_allow;
  // Parsed from camera_allow_hosts by validate().
  domain::integration::AllowList camera_allow;
  // Parsed from the rate_limit_* keys by validate(): every budget, the default where none was given.
  std::map<http::RateBudget, http::BucketPolicy> rate_limits;
};

/// Settings given as text by name (from the environment or flags), e.g. {"listen", "0.0.0.0:80"}.
using Settings = std::map<std::string, std::string, std::less<>>;

/// Reads the TOML file at `path` into `config`. An unknown key, a value of the wrong type or an
/// unreadable file is a `validation` error whose one field names the key (or the file).
Result<void> apply_config_file(Config& config, const std::string& path);

/// Picks SIGAP_<KEY> variables out of `environment` ("SIGAP_LISTEN" -> "listen"). Variables that
/// name no key are ignored (tests and tools use SIGAP_TEST_* for their own purposes).
Settings settings_from_environment(const std::function<const char*(const char*)>& getenv);

/// Applies text settings; a bad value is a `validation` error naming `<source> <key>`.
Result<void> apply_settings(Config& config, const Settings& settings, std::string_view source);

/// Checks every value and fills host/port, the default db URL and rate_limits.
Result<void> validate(Config& config);

/// The policy that "off" stands for in a rate_limit_* key: a bucket no client can empty.
http::BucketPolicy unlimited_rate();

/// The one line to print when start-up stops on `error`: "config: listen: ..." and the like.
std::string one_line(const Error& error);

}  // namespace sigap::cli
