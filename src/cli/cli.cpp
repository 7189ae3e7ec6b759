#include "cli/cli.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "common/logging.hpp"

namespace sigap::cli {

namespace {

/// The flags every command that touches the database shares.
struct CommonFlags {
  std::string config_file;
  Settings settings;

  void add_to(CLI::App& command, bool with_server_flags) {
    command.add_option("--config", config_file, "TOML configuration file");
    add_setting(command, "db", "--db", "Database: sqlite:PATH or postgres://user:pass@host:port/db");
    add_setting(command, "data_dir", "--data-dir", "Data directory (SQLite file, uploads)");
    add_setting(command, "log_level", "--log-level", "trace, debug, info, warn, error or off");
    if (with_server_flags) {
      add_setting(command, "listen", "--listen", "HOST:PORT to listen on (port 0: any free port)");
      add_setting(command, "web_dir", "--web-dir", "Directory of the built web front end");
    }
  }

  void add_setting(CLI::App& command, const std::string& key, const std::string& flag, const std::string& help) {
    command.add_option_function<std::string>(flag, [this, key](const std::string& value) { settings[key] = value; },
                                             help);
  }
};

// Defaults < file < environment < flags, then validation. Prints the one line on failure.
std::optional<Config> load(const CommonFlags& flags) {
  Config config;
  auto fail = [](const Error& error) {
    std::cerr << "sigap: " << one_line(error) << std::endl;
    return std::optional<Config>();
  };
  if (!flags.config_file.empty()) {
    if (auto applied = apply_config_file(config, flags.config_file); !applied) return fail(applied.error());
  }
  auto environment = settings_from_environment([](const char* name) { return std::getenv(name); });
  if (auto applied = apply_settings(config, environment, "environment"); !applied) return fail(applied.error());
  if (auto applied = apply_settings(config, flags.settings, "flag"); !applied) return fail(applied.error());
  if (auto valid = validate(config); !valid) return fail(valid.error());
  logging::init(config.log_level);
  return config;
}

}  // namespace

int run(int argc, char** argv) {
  logging::init("info");
  CLI::App app{"Sigap: integrated public-service platform for city governments"};
  app.require_subcommand(1);

  CommonFlags serve_flags, demo_flags, migrate_flags, import_flags;
  auto* serve_command = app.add_subcommand("serve", "Serve the API and the web app");
  serve_flags.add_to(*serve_command, true);

  auto* demo_command = app.add_subcommand("demo", "Serve with the Kota Palembang demo data (a fresh data dir unless given)");
  demo_flags.add_to(*demo_command, true);

  auto* migrate_command = app.add_subcommand("migrate", "Apply pending database migrations");
  migrate_flags.add_to(*migrate_command, false);

  auto* import_command = app.add_subcommand("import", "Import master data");
  import_command->require_subcommand(1);
  auto* import_regions_command = import_command->add_subcommand("regions", "Import regions from an idn-area-data CSV");
  std::string regions_file;
  import_regions_command->add_option("file", regions_file, "CSV file (code,...,name)")->required();
  import_flags.add_to(*import_regions_command, false);

  auto* version_command = app.add_subcommand("version", "Print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? kExitOk : kExitBadStartup;
  }

  if (version_command->parsed()) return version();
  if (demo_command->parsed()) {
    // A fresh data dir unless one was given (by flag, environment or file).
    bool given = demo_flags.settings.count("data_dir") || demo_flags.settings.count("db") ||
                 std::getenv("SIGAP_DATA_DIR") || !demo_flags.config_file.empty();
    if (!given) {
      char pattern[] = "/tmp/sigap-demo-XXXXXX";
      if (!mkdtemp(pattern)) {
        std::cerr << "sigap: data_dir: cannot create a temporary directory" << std::endl;
        return kExitBadStartup;
      }
      demo_flags.settings["data_dir"] = pattern;
    }
    auto config = load(demo_flags);
    return config ? serve(*config, true) : kExitBadStartup;
  }
  if (serve_command->parsed()) {
    auto config = load(serve_flags);
    return config ? serve(*config, false) : kExitBadStartup;
  }
  if (migrate_command->parsed()) {
    auto config = load(migrate_flags);
    return config ? migrate(*config) : kExitBadStartup;
  }
  if (import_regions_command->parsed()) {
    auto config = load(import_flags);
    return config ? import_regions(*config, regions_file) : kExitBadStartup;
  }
  return kExitBadStartup;
}

}  // namespace sigap::cli
