#include "cli/cli.hpp"

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/backup_commands.hpp"
#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/dashboard_commands.hpp"
#include "cli/generate_commands.hpp"
#include "cli/identity_commands.hpp"
#include "cli/sla_commands.hpp"
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
    add_setting(command, "data_key_file", "--data-key-file",
                "Keys that seal personal data (default <data-dir>/keys/data.keys; SIGAP_DATA_KEY overrides)");
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

/// A command that works on the database with the flags of `migrate`, and what it runs once the
/// configuration is loaded. The flags live in a deque: the options bound to them keep their address.
struct DatabaseCommands {
  struct Entry {
    CLI::App* command;
    CommonFlags* flags;
    std::function<int(const Config&)> run;
  };
  std::deque<CommonFlags> flags;
  std::vector<Entry> entries;

  CLI::App* add(CLI::App& parent, const std::string& name, const std::string& help,
                std::function<int(const Config&)> run) {
    auto* command = parent.add_subcommand(name, help);
    flags.emplace_back().add_to(*command, false);
    entries.push_back({command, &flags.back(), std::move(run)});
    return command;
  }
};

// `sigap user ...`, `sigap apikey ...`, `sigap audit ...`. The values they parse land in the
// structs the caller keeps alive until the command has run.
struct IdentityArguments {
  UserAddOptions user_add;
  std::string user;
  std::string membership;
  bool password_stdin = false;
  ApiKeyCreateOptions apikey_create;
  std::int64_t apikey_id = 0;
};

void add_identity_commands(CLI::App& app, DatabaseCommands& commands, IdentityArguments& args) {
  auto* user = app.add_subcommand("user", "Manage staff accounts (changes are audited as \"cli\")");
  user->require_subcommand(1);
  auto* add = commands.add(*user, "add", "Create a staff account and print its id",
                           [&args](const Config& config) { return user_add(config, args.user_add, std::cin); });
  add->add_option("email", args.user_add.email, "E-mail address (the sign-in name)")->required();
  add->add_option("--name", args.user_add.name, "Display name")->required();
  add->add_option("--role", args.user_add.memberships, "ROLE@UNIT_CODE, e.g. officer@dinas-pupr (repeatable)")
      ->allow_extra_args(false);
  add->add_flag("--password-stdin", args.user_add.password_stdin,
                "Read the password from one line of stdin (otherwise one is generated and printed once)");
  commands.add(*user, "list", "List the accounts", [](const Config& config) { return user_list(config); });
  for (bool disabled : {true, false}) {
    auto* command = commands.add(
        *user, disabled ? "disable" : "enable",
        disabled ? "Disable an account and end its sessions" : "Enable an account again",
        [&args, disabled](const Config& config) { return user_set_disabled(config, args.user, disabled); });
    command->add_option("user", args.user, "User id or e-mail")->required();
  }
  auto* reset = commands.add(
      *user, "reset-password", "Set a new password and end the account's sessions",
      [&args](const Config& config) { return user_reset_password(config, args.user, args.password_stdin, std::cin); });
  reset->add_option("user", args.user, "User id or e-mail")->required();
  reset->add_flag("--password-stdin", args.password_stdin,
                  "Read the password from one line of stdin (otherwise one is generated and printed once)");
  for (bool grant : {true, false}) {
    auto* command =
        commands.add(*user, grant ? "grant" : "revoke", grant ? "Give a role on a unit" : "Take a role on a unit away",
                     [&args, grant](const Config& config) {
                       return grant ? user_grant(config, args.user, args.membership)
                                    : user_revoke(config, args.user, args.membership);
                     });
    command->add_option("user", args.user, "User id or e-mail")->required();
    command->add_option("membership", args.membership, "ROLE@UNIT_CODE, e.g. supervisor@kecamatan-16.71.01")
        ->required();
  }

  auto* apikey = app.add_subcommand("apikey", "Manage integrators' API keys (changes are audited as \"cli\")");
  apikey->require_subcommand(1);
  auto* create = commands.add(*apikey, "create", "Create a key and print its token once",
                              [&args](const Config& config) { return apikey_create(config, args.apikey_create); });
  create->add_option("--name", args.apikey_create.name, "What the key is for")->required();
  create->add_option("--unit", args.apikey_create.unit, "Unit code the key acts for")->required();
  create->add_option("--scope", args.apikey_create.scopes, "Action the key may take, e.g. read_case (repeatable)")
      ->required()
      ->allow_extra_args(false);
  create->add_option("--days", args.apikey_create.days, "Days until the key expires (default 365)")
      ->check(CLI::Range(1, 3650));
  commands.add(*apikey, "list", "List the keys", [](const Config& config) { return apikey_list(config); });
  auto* revoke = commands.add(*apikey, "revoke", "Revoke a key",
                              [&args](const Config& config) { return apikey_revoke(config, args.apikey_id); });
  revoke->add_option("id", args.apikey_id, "Key id (see apikey list)")->required();

  auto* keys = app.add_subcommand("keys", "Manage the keys that seal personal data");
  keys->require_subcommand(1);
  commands.add(*keys, "rotate", "Add a new key and seal all personal data with it",
               [](const Config& config) { return rotate_keys(config); });

  auto* audit = app.add_subcommand("audit", "Check the audit log");
  audit->require_subcommand(1);
  commands.add(*audit, "verify", "Check every entry of the audit chain",
               [](const Config& config) { return audit_verify(config); });

  auto* sla = app.add_subcommand("sla", "Operate the SLA clock (docs/sla.md)");
  sla->require_subcommand(1);
  commands.add(*sla, "run-once", "Run one tick of the SLA watch now: warn, escalate, close",
               [](const Config& config) { return sla_run_once(config); });
  commands.add(*sla, "recompute", "Recompute the deadlines of every open case",
               [](const Config& config) { return sla_recompute(config); });

  auto* dashboard = app.add_subcommand("dashboard", "Operate the Command Center's figures (docs/command-center.md)");
  dashboard->require_subcommand(1);
  commands.add(*dashboard, "rebuild", "Count the dashboard figures again from every case (progress on stderr)",
               [](const Config& config) { return dashboard_rebuild(config); });
}

// `sigap generate complaints --count N [--seed S] [--database URL]`.
void add_generate_commands(CLI::App& app, DatabaseCommands& commands, GenerateComplaintsOptions& options) {
  auto* generate = app.add_subcommand("generate", "Write made-up data for load tests and benchmarks");
  generate->require_subcommand(1);
  auto* complaints = commands.add(*generate, "complaints", "Write N realistic made-up complaints (progress on stderr)",
                                  [&options](const Config& config) { return generate_complaints(config, options); });
  complaints->add_option("--count", options.count, "How many complaints")
      ->required()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100'000'000}));
  complaints->add_option("--seed", options.seed, "Seed of the random choices (default 1)");
  auto* flags = commands.entries.back().flags;
  complaints->add_option_function<std::string>(
      "--database", [flags](const std::string& url) { flags->settings["db"] = url; }, "The same as --db");
}

// `sigap backup --to FILE [--force]`, `sigap restore --from FILE [--force]` (docs/reliability.md).
void add_backup_commands(CLI::App& app, DatabaseCommands& commands, BackupCommandOptions& backup_options,
                         RestoreCommandOptions& restore_options) {
  auto* backup_command =
      commands.add(app, "backup", "Write an online backup of the database (not the data keys)",
                   [&backup_options](const Config& config) { return backup(config, backup_options); });
  backup_command->add_option("--to", backup_options.to, "The backup file to write")->required();
  backup_command->add_flag("--force", backup_options.force, "Replace the file when it exists");
  auto* restore_command =
      commands.add(app, "restore", "Restore a backup into an empty database, then migrate",
                   [&restore_options](const Config& config) { return restore(config, restore_options); });
  restore_command->add_option("--from", restore_options.from, "The backup file to read")->required();
  restore_command->add_flag("--force", restore_options.force, "Replace a database that already holds data");
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

  DatabaseCommands database_commands;
  IdentityArguments identity_arguments;
  add_identity_commands(app, database_commands, identity_arguments);
  GenerateComplaintsOptions generate_options;
  add_generate_commands(app, database_commands, generate_options);
  BackupCommandOptions backup_options;
  RestoreCommandOptions restore_options;
  add_backup_commands(app, database_commands, backup_options, restore_options);

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
  for (const auto& entry : database_commands.entries) {
    if (entry.command->parsed()) {
      auto config = load(*entry.flags);
      return config ? entry.run(*config) : kExitBadStartup;
    }
  }
  return kExitBadStartup;
}

}  // namespace sigap::cli
