#include "cli/commands.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <unistd.h>

#include "app/master_data/demo_data.hpp"
#include "app/master_data/region_import.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "cli/cli.hpp"
#include "cli/channel_wiring.hpp"
#include "cli/command_center_jobs.hpp"
#include "cli/dashboard_commands.hpp"
#include "cli/identity_commands.hpp"
#include "cli/email_channel.hpp"
#include "cli/integration_jobs.hpp"
#include "cli/malloc_tuning.hpp"
#include "cli/sla_commands.hpp"
#include "common/build_info.hpp"
#include "common/logging.hpp"
#include "crypto/keyring.hpp"
#include "http/handlers/stream_handlers.hpp"
#include "http/http_service.hpp"
#include "jobs/search_catch_up.hpp"
#include "jobs/sla_watch.hpp"
#include "jobs/ticker.hpp"
#include "storage/open_storage.hpp"

namespace sigap::cli {

namespace fs = std::filesystem;

namespace {

void say_error(std::string_view what) { std::cerr << "sigap: " << what << '\n'; }

}  // namespace

std::shared_ptr<const crypto::Keyring> load_data_keys(const Config& config) {
  auto keyring = crypto::load_keyring(config.data_key_file, std::getenv("SIGAP_DATA_KEY"));
  if (!keyring) {
    say_error(fmt::format("data_key_file: {}", one_line(keyring.error())));
    if (!keyring.error().log_detail().empty()) logging::app().debug("{}", keyring.error().log_detail());
    return nullptr;
  }
  return std::make_shared<const crypto::Keyring>(std::move(*keyring));
}

std::unique_ptr<app::ports::Storage> open_database(const Config& config) {
  auto url = storage::parse_database_url(config.db, "db");
  if (!url) {
    say_error(one_line(url.error()));
    return nullptr;
  }
  if (url->kind == storage::DatabaseUrl::Kind::sqlite) {
    std::error_code ec;
    auto parent = fs::path(url->target).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    if (ec) {
      say_error(fmt::format("data_dir: cannot create {}: {}", parent.string(), ec.message()));
      return nullptr;
    }
  }
  auto keyring = load_data_keys(config);
  if (!keyring) return nullptr;
  auto opened = storage::open_storage(*url, {static_cast<std::size_t>(config.db_connections), std::move(keyring),
                                             config.sqlite_memory_mib * 1024 * 1024});
  if (!opened) {
    say_error(fmt::format("db: {}", opened.error().message().en));
    if (!opened.error().log_detail().empty()) logging::app().debug("{}", opened.error().log_detail());
    return nullptr;
  }
  return std::move(*opened);
}

namespace {

fs::path default_web_dir() {
  // The build puts the binary at build/sigap and the front end at web/dist.
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto beside = exe.parent_path().parent_path() / "web" / "dist";
    if (fs::is_directory(beside, ec)) return beside;
  }
  return fs::path("web") / "dist";
}

std::string url_of(const Config& config, std::uint16_t port) {
  auto host = config.host;
  if (host == "0.0.0.0" || host == "::") host = "127.0.0.1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return fmt::format("http://{}:{}/", host, port);
}

}  // namespace

int serve(Config config, bool load_demo) {
  tune_malloc();
  auto storage = open_database(config);
  if (!storage) return kExitBadStartup;
  std::vector<app::identity::DemoAccount> demo_accounts;
  if (load_demo) {
    auto loaded = app::master_data::load_palembang_demo_data(*storage);
    if (!loaded) {
      say_error(fmt::format("demo data: {} {}", one_line(loaded.error()), loaded.error().log_detail()));
      return kExitFailure;
    }
    logging::app().info("demo data: {} regions, {} units, {} categories", loaded->regions.total(), loaded->units,
                        loaded->categories);
    auto accounts = prepare_demo_accounts(*storage, config);
    if (!accounts) return kExitFailure;
    demo_accounts = std::move(*accounts);
  }
  http::HttpServiceOptions options;
  options.server.host = config.host;
  options.server.port = config.port;
  options.server.io_threads = static_cast<std::size_t>(config.threads);
  options.server.read_timeout = std::chrono::seconds(config.read_timeout_seconds);
  options.dispatcher.max_json_body = static_cast<std::size_t>(config.max_json_body);
  options.web_dir = config.web_dir.empty() ? default_web_dir() : fs::path(config.web_dir);
  options.blob_dir = fs::path(config.data_dir) / "blobs";
  options.rate_limits = config.rate_limits;
  options.sla = sla_settings(config);
  options.portal.map_tile_url = config.map_tile_url;
  options.portal.map_attribution = config.map_attribution;
  options.open311.jurisdiction_id = config.open311_jurisdiction_id;
  options.open311.contact = config.open311_contact;
  auto transport = webhook_transport(config);  // webhooks (docs/integration.md)
  options.webhooks = webhook_settings(config, config.public_url);
  options.webhook_transport = transport.get();
  auto cameras = camera_fetcher(config);  // the Command Center's camera probe (docs/command-center.md)
  options.cameras.allow = config.camera_allow;
  options.camera_fetcher = cameras.get();
  // The messaging doors and their provider APIs (docs/channels.md).
  auto providers = provider_client(config);
  options.channels = channel_options(
      config, config.public_url.empty() ? url_of(config, config.port).substr(0, url_of(config, config.port).size() - 1)
                                        : config.public_url,
      providers.get());
  // Pages of the public address may open the live stream with the session cookie.
  if (auto origin = http::handlers::origin_of(config.public_url); !origin.empty()) options.stream_origins = {origin};
  for (const auto& [key, text] : {std::pair{"rate_limit_intake", &config.rate_limit_intake},
                                  std::pair{"rate_limit_login", &config.rate_limit_login},
                                  std::pair{"rate_limit_api", &config.rate_limit_api},
                                  std::pair{"rate_limit_tracking", &config.rate_limit_tracking}}) {
    if (*text == "off") logging::app().warn("{} is off: no rate limit (for benchmarks and trusted networks only)", key);
  }
  {
    // The Command Center's figures, counted once from the cases when they never were
    // (an upgrade to migration 0016, generated cases); from then on the dispatcher keeps them.
    SystemClock build_clock;
    if (!build_dashboard_if_needed(*storage, build_clock)) return kExitFailure;
  }
  http::HttpService service(*storage, options);
  if (auto listening = service.listen(); !listening) {
    say_error(fmt::format("listen: {}", listening.error().message().en));
    return kExitBadStartup;
  }
  service.stop_on_signals();
  // E-mail reports: the LMTP listener the city's mail server delivers to (docs/channels.md);
  // stopped before the server's storage goes away.
  SystemClock mail_clock;
  std::unique_ptr<EmailChannel> email;
  if (!config.lmtp_listen.empty()) {
    email = std::make_unique<EmailChannel>(*storage, mail_clock, service, config);
    if (auto started = email->start(); !started) {
      say_error(one_line(started.error()));
      return kExitBadStartup;
    }
    logging::app().info("LMTP listening on {}:{}", config.lmtp_host, email->port());
  }
  auto url = url_of(config, service.port());
  logging::app().info("listening on {} ({} database)", url, storage->backend());
  if (load_demo) {
    std::cout << "Sigap demo (Kota Palembang) is running at " << url << "\n"
              << "Data directory: " << config.data_dir << "\n";
    print_demo_accounts(std::cout, demo_accounts, config);
    std::cout << "Stop with Ctrl+C." << std::endl;
  } else {
    std::cout << "Sigap is listening on " << url << std::endl;
  }
  // The SLA watch beside the server: warns, escalates and closes (docs/sla.md); stopped after
  // the server so no tick is cut short by the storage going away.
  SystemClock clock;
  app::sla::SlaRules watch_rules(*storage, clock, app::sla::indonesia_calendar(), options.sla);
  jobs::SlaWatch watch(*storage, clock, watch_rules,
                       {std::chrono::seconds(config.sla_watch_interval_seconds)});
  watch.start();
  // What malloc holds free goes back to the system now and then (cli/malloc_tuning.hpp).
  jobs::Ticker memory_trim("sigap-trim", kTrimInterval, return_free_memory);
  memory_trim.start();
  // The full-text index, fed in batches (docs/storage.md).
  jobs::SearchCatchUp search_index(*storage);
  search_index.start();
  // The outbox dispatcher and the senders of webhooks and e-mail (docs/integration.md).
  auto public_url = config.public_url.empty() ? url.substr(0, url.size() - 1) : config.public_url;
  IntegrationJobs integration(*storage, clock, config, public_url, *transport, providers.get());
  integration.on_numbered([&service] { service.stream_hub().wake(); });  // the live stream
  integration.start();
  // Presence, cameras and surges for the Command Center (docs/command-center.md).
  CommandCenterJobs command_center(*storage, clock, watch_rules, config, *cameras, service.camera_snapshots());
  command_center.start();
  service.run();
  if (email) email->stop();
  command_center.stop();
  integration.stop();
  search_index.stop();
  watch.stop();
  logging::app().info("stopped");
  return kExitOk;
}

int migrate(Config config) {
  auto storage = open_database(config);  // opening applies the migrations
  if (!storage) return kExitBadStartup;
  std::cout << "Database is up to date (" << storage->backend() << ")." << std::endl;
  return kExitOk;
}

int import_regions(Config config, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    say_error(fmt::format("import: cannot read {}", file));
    return kExitFailure;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto storage = open_database(config);
  if (!storage) return kExitBadStartup;
  auto report = app::master_data::import_regions(*storage, text.str());
  if (!report) {
    say_error(fmt::format("import {}: {}", file, report.error().message().en));
    for (const auto& field : report.error().fields()) {
      std::cerr << "  " << field.field << ": " << field.message.en << '\n';
    }
    return kExitFailure;
  }
  std::cout << fmt::format("Imported {} regions: {} provinces, {} cities, {} kecamatan, {} kelurahan.",
                           report->total(), report->provinces, report->cities, report->districts, report->villages)
            << std::endl;
  return kExitOk;
}

int rotate_keys(Config config) {
  if (const char* env = std::getenv("SIGAP_DATA_KEY"); env && *env) {
    say_error("keys rotate: the keys come from SIGAP_DATA_KEY; rotate them where that variable is set");
    return kExitFailure;
  }
  auto current = load_data_keys(config);
  if (!current) return kExitBadStartup;
  auto rotated = std::make_shared<const crypto::Keyring>(current->rotated());
  // The new ring is saved before anything is sealed with it: a crash in between leaves data
  // sealed with older keys, which the saved ring still opens.
  if (auto saved = crypto::save_keyring(config.data_key_file, *rotated); !saved) {
    say_error(fmt::format("keys rotate: {}", one_line(saved.error())));
    return kExitFailure;
  }
  auto url = storage::parse_database_url(config.db, "db");
  if (!url) {
    say_error(one_line(url.error()));
    return kExitBadStartup;
  }
  auto opened = storage::open_storage(*url, {1, rotated});
  if (!opened) {
    say_error(fmt::format("db: {}", opened.error().message().en));
    return kExitBadStartup;
  }
  auto changed = (*opened)->reseal_personal_data();
  if (!changed) {
    say_error(fmt::format("keys rotate: key {} was added but resealing failed ({}); run sigap keys rotate again",
                          rotated->current_id(), changed.error().message().en));
    return kExitFailure;
  }
  std::cout << fmt::format("Key {} is now current; {} record(s) sealed again with it.", rotated->current_id(), *changed)
            << std::endl;
  return kExitOk;
}

int version() {
  std::cout << "sigap " << build_version() << " (" << build_type() << ")" << std::endl;
  return kExitOk;
}

}  // namespace sigap::cli
