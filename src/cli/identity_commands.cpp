#include "cli/identity_commands.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/audit/verify_audit_chain.hpp"
#include "app/identity/api_keys.hpp"
#include "app/identity/random_password.hpp"
#include "app/identity/user_admin.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "common/time_format.hpp"

namespace sigap::cli {

namespace fs = std::filesystem;
namespace da = domain::access;
namespace di = domain::identity;
namespace ai = app::identity;

namespace {

// Who the audit log names for every change made from the command line.
constexpr std::string_view kAuditActor = "cli";
constexpr std::string_view kDemoPasswordsFile = "demo-users.txt";

void say_error(std::string_view what) { std::cerr << "sigap: " << what << '\n'; }

// Prints `error` under `command` (one line, then one indented line per field) and returns
// kExitFailure.
int fail(std::string_view command, const Error& error) {
  say_error(fmt::format("{}: {}", command, error.message().en));
  for (const auto& field : error.fields()) std::cerr << "  " << field.field << ": " << field.message.en << '\n';
  if (!error.log_detail().empty()) logging::app().debug("{}", error.log_detail());
  return kExitFailure;
}

// Columns as wide as their widest cell (counted in UTF-8 code points), two spaces apart.
std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                         std::string_view indent = "") {
  auto width_of = [](const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  };
  std::vector<std::size_t> widths(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], width_of(row[i]));
  };
  measure(header);
  for (const auto& row : rows) measure(row);
  std::string out;
  auto append = [&](const std::vector<std::string>& row) {
    std::string line(indent);
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(widths[i] - width_of(row[i]) + 2, ' ');
    }
    out += line + '\n';
  };
  append(header);
  for (const auto& row : rows) append(row);
  return out;
}

// One line of `in` without its line end; nullopt at end of input.
std::optional<std::string> read_password(std::istream& in) {
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// "ROLE@UNIT_CODE" as a membership; a validation error naming `field` otherwise.
Result<da::Membership> parse_membership(std::string_view text, std::string_view field) {
  auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == text.size()) {
    return Error(ErrorCode::validation, Text{"Keanggotaan tidak valid.", "Invalid membership."},
                 {FieldError{std::string(field), Text{"Tulis PERAN@KODE_UNIT, mis. officer@dinas-pupr.",
                                                      "Write ROLE@UNIT_CODE, e.g. officer@dinas-pupr."}}});
  }
  auto role = da::role_from_string(text.substr(0, at), field);
  if (!role) return role.error();
  return da::Membership{std::string(text.substr(at + 1)), *role};
}

std::string membership_text(const da::Membership& membership) {
  return std::string(da::to_string(membership.role)) + "@" + membership.unit_code;
}

std::string scopes_text(const std::vector<da::Action>& scopes) {
  std::string out;
  for (auto scope : scopes) {
    if (!out.empty()) out += ",";
    out += da::to_string(scope);
  }
  return out;
}

// The password a command sets: one line of stdin, or a generated one (`generated` is then set).
Result<std::string> new_password(bool from_stdin, std::istream& in, bool& generated) {
  generated = !from_stdin;
  if (!from_stdin) return ai::random_password();
  auto line = read_password(in);
  if (!line) {
    return Error(ErrorCode::validation, Text{"Kata sandi tidak terbaca.", "No password was given."},
                 {FieldError{"password", Text{"Tulis kata sandi pada satu baris di stdin.",
                                              "Write the password as one line on stdin."}}});
  }
  return std::move(*line);
}

// Everything a user command needs: the database, the clock, and the use case over them.
struct UserCommand {
  std::unique_ptr<app::ports::Storage> storage;
  SystemClock clock;
  std::optional<ai::UserAdmin> admin;

  explicit UserCommand(const Config& config) : storage(open_database(config)) {
    if (storage) admin.emplace(*storage, clock);
  }
};

// --- demo accounts file -----------------------------------------------------------------------

fs::path demo_passwords_path(const Config& config) { return fs::path(config.data_dir) / kDemoPasswordsFile; }

// "email role@unit password" lines, '#' comments. A missing file holds no passwords.
Result<ai::DemoPasswords> read_demo_passwords(const fs::path& path) {
  ai::DemoPasswords passwords;
  std::error_code ec;
  if (!fs::exists(path, ec)) return passwords;
  std::ifstream in(path);
  if (!in) {
    return Error(ErrorCode::unavailable, Text{"Berkas tidak terbaca.", "Cannot read " + path.string() + "."});
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream fields(line);
    std::string email, membership, password;
    if (fields >> email >> membership >> password) passwords[email] = password;
  }
  return passwords;
}

// Replaces `path` with the accounts whose passwords are known, atomically, readable by the
// owner only.
Result<void> write_demo_passwords(const fs::path& path, const std::vector<ai::DemoAccount>& accounts) {
  std::string text =
      "# Sigap demo accounts of this data directory, written by `sigap demo` when it created them.\n"
      "# The database keeps only password hashes: this file is how a later `sigap demo` shows them.\n"
      "# e-mail role@unit password\n";
  for (const auto& account : accounts) {
    if (!account.password.empty()) text += account.email + " " + account.membership + " " + account.password + "\n";
  }
  auto temporary = path;
  temporary += ".tmp";
  auto failed = [&](std::string_view what) {
    return Error(ErrorCode::unavailable, Text{"Berkas tidak dapat ditulis.", "Cannot write " + path.string() + "."})
        .with_log_detail(fmt::format("{} {}: {}", what, temporary.string(), std::strerror(errno)));
  };
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return failed("open");
  bool written = ::fchmod(fd, 0600) == 0;
  for (std::size_t done = 0; written && done < text.size();) {
    auto wrote = ::write(fd, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    written = wrote > 0;
    if (written) done += static_cast<std::size_t>(wrote);
  }
  written = written && ::fsync(fd) == 0;
  if (::close(fd) != 0) written = false;
  if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
    auto error = failed(written ? "rename" : "write");
    ::unlink(temporary.c_str());
    return error;
  }
  return {};
}

}  // namespace

// --- sigap user ---------------------------------------------------------------------------------

int user_add(const Config& config, const UserAddOptions& options, std::istream& in) {
  constexpr std::string_view kCommand = "user add";
  std::vector<da::Membership> memberships;
  std::vector<FieldError> problems;
  for (const auto& text : options.memberships) {
    auto membership = parse_membership(text, "--role");
    if (membership) {
      memberships.push_back(*membership);
    } else {
      for (const auto& field : membership.error().fields()) problems.push_back(field);
    }
  }
  if (!problems.empty()) {
    return fail(kCommand,
                Error(ErrorCode::validation, Text{"Pengguna tidak dapat dibuat.", "The user cannot be created."},
                      std::move(problems)));
  }
  bool generated = false;
  auto password = new_password(options.password_stdin, in, generated);
  if (!password) return fail(kCommand, password.error());

  UserCommand command(config);
  if (!command.storage) return kExitBadStartup;
  auto created = command.admin->create(
      {options.email, options.name, *password, di::UserKind::staff, std::move(memberships)}, std::string(kAuditActor));
  if (!created) return fail(kCommand, created.error());
  std::cout << fmt::format("Created user {} ({}).\n", created->id, created->email);
  if (generated) {
    std::cout << "Password: " << *password << "\n"
              << "It will not be shown again: pass it on safely.\n";
  }
  if (created->requires_second_factor()) {
    std::cout << "The user will be asked to set up two-step verification at first sign-in.\n";
  }
  std::cout << std::flush;
  return kExitOk;
}

int user_list(const Config& config) {
  UserCommand command(config);
  if (!command.storage) return kExitBadStartup;
  auto users = command.admin->list();
  if (!users) return fail("user list", users.error());
  if (users->empty()) {
    std::cout << "No users." << std::endl;
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& user : *users) {
    std::string totp = user.totp_enabled ? "on" : user.requires_second_factor() ? "required" : "off";
    rows.push_back({std::to_string(user.id), user.email, user.display_name, user.disabled ? "yes" : "no", totp,
                    ai::describe_memberships(user)});
  }
  std::cout << format_table({"ID", "E-MAIL", "NAME", "DISABLED", "TOTP", "MEMBERSHIPS"}, rows) << std::flush;
  return kExitOk;
}

int user_set_disabled(const Config& config, const std::string& user, bool disabled) {
  auto name = disabled ? "user disable" : "user enable";
  UserCommand command(config);
  if (!command.storage) return kExitBadStartup;
  auto found = command.admin->find(user);
  if (!found) return fail(name, found.error());
  if (auto set = command.admin->set_disabled(found->id, disabled, std::string(kAuditActor)); !set) {
    return fail(name, set.error());
  }
  std::cout << fmt::format("User {} ({}) is {}.", found->id, found->email,
                           disabled ? "disabled; their sessions have ended" : "enabled")
            << std::endl;
  return kExitOk;
}

int user_reset_password(const Config& config, const std::string& user, bool password_stdin, std::istream& in) {
  constexpr std::string_view kCommand = "user reset-password";
  bool generated = false;
  auto password = new_password(password_stdin, in, generated);
  if (!password) return fail(kCommand, password.error());
  UserCommand command(config);
  if (!command.storage) return kExitBadStartup;
  auto found = command.admin->find(user);
  if (!found) return fail(kCommand, found.error());
  if (auto reset = command.admin->reset_password(found->id, *password, std::string(kAuditActor)); !reset) {
    return fail(kCommand, reset.error());
  }
  std::cout << fmt::format("Password of user {} ({}) reset; their sessions have ended.\n", found->id, found->email);
  if (generated) {
    std::cout << "Password: " << *password << "\n"
              << "It will not be shown again: pass it on safely.\n";
  }
  std::cout << std::flush;
  return kExitOk;
}

int user_grant(const Config& config, const std::string& user, const std::string& membership_text_in) {
  constexpr std::string_view kCommand = "user grant";
  auto membership = parse_membership(membership_text_in, "membership");
  if (!membership) return fail(kCommand, membership.error());
  UserCommand command(config);
  if (!command.storage) return kExitBadStartup;
  auto found = command.admin->find(user);
  if (!found) return fail(kCommand, found.error());
  const auto& held = found->memberships;
  if (std::find(held.begin(), held.end(), *membership) != held.end()) {
    std::cout << fmt::format("User {} is already {}.", found->id, membership_text(*membership)) << std::endl;
    return kExitOk;
  }
  if (auto granted = command.admin->grant(found->id, *membership, std::string(kAuditActor)); !granted) {
    return fail(kCommand, granted.error());
  }
  std::cout << fmt::format("User {} is now {}.", found->id, membership_text(*membership)) << std::endl;
  return kExitOk;
}

int user_revoke(const Config& config, const std::string& user, const std::string& membership_text_in) {
  constexpr std::string_view kCommand = "user revoke";
  auto membership = parse_membership(membership_text_in, "membership");
  if (!membership) return fail(kCommand, membership.error());
  UserCommand command(config);
  if (!command.storage) return kExitBadStartup;
  auto found = command.admin->find(user);
  if (!found) return fail(kCommand, found.error());
  const auto& held = found->memberships;
  if (std::find(held.begin(), held.end(), *membership) == held.end()) {
    return fail(kCommand,
                Error(ErrorCode::not_found, Text{"Keanggotaan tidak ada.", fmt::format("User {} is not {}.", found->id,
                                                                                       membership_text(*membership))}));
  }
  if (auto revoked = command.admin->revoke(found->id, *membership, std::string(kAuditActor)); !revoked) {
    return fail(kCommand, revoked.error());
  }
  std::cout << fmt::format("User {} is no longer {}.", found->id, membership_text(*membership)) << std::endl;
  return kExitOk;
}

// --- sigap apikey -------------------------------------------------------------------------------

int apikey_create(const Config& config, const ApiKeyCreateOptions& options) {
  constexpr std::string_view kCommand = "apikey create";
  ai::NewApiKey request;
  request.name = options.name;
  request.unit_code = options.unit;
  request.lifetime = std::chrono::hours(24) * options.days;
  std::vector<FieldError> problems;
  for (const auto& text : options.scopes) {
    auto action = da::action_from_string(text, "--scope");
    if (action) {
      request.scopes.push_back(*action);
    } else {
      for (const auto& field : action.error().fields()) problems.push_back(field);
    }
  }
  if (!problems.empty()) {
    return fail(kCommand,
                Error(ErrorCode::validation, Text{"Kunci API tidak dapat dibuat.", "The API key cannot be created."},
                      std::move(problems)));
  }
  auto storage = open_database(config);
  if (!storage) return kExitBadStartup;
  SystemClock clock;
  auto created = ai::create_api_key(*storage, clock, request, std::string(kAuditActor));
  if (!created) return fail(kCommand, created.error());
  std::cout << fmt::format("Created API key {} ({}) for {} with scopes {}; it expires at {}.\n", created->key.id,
                           created->key.name, created->key.unit_code, scopes_text(created->key.scopes),
                           format_utc(created->key.expires_at))
            << "Token: " << created->token << "\n"
            << "This token will not be shown again: store it now." << std::endl;
  return kExitOk;
}

int apikey_list(const Config& config) {
  auto storage = open_database(config);
  if (!storage) return kExitBadStartup;
  auto keys = storage->credentials().list_api_keys();
  if (!keys) return fail("apikey list", keys.error());
  if (keys->empty()) {
    std::cout << "No API keys." << std::endl;
    return kExitOk;
  }
  auto now = SystemClock().now();
  std::vector<std::vector<std::string>> rows;
  for (const auto& key : *keys) {
    std::string status = key.revoked ? "revoked" : key.expires_at <= now ? "expired" : "active";
    rows.push_back({std::to_string(key.id), "sgp_" + key.prefix, key.name, key.unit_code, scopes_text(key.scopes),
                    format_utc(key.expires_at), status});
  }
  std::cout << format_table({"ID", "PREFIX", "NAME", "UNIT", "SCOPES", "EXPIRES", "STATUS"}, rows) << std::flush;
  return kExitOk;
}

int apikey_revoke(const Config& config, std::int64_t id) {
  constexpr std::string_view kCommand = "apikey revoke";
  auto storage = open_database(config);
  if (!storage) return kExitBadStartup;
  auto keys = storage->credentials().list_api_keys();
  if (!keys) return fail(kCommand, keys.error());
  auto key = std::find_if(keys->begin(), keys->end(), [id](const di::ApiKey& k) { return k.id == id; });
  if (key == keys->end()) {
    return fail(kCommand, Error(ErrorCode::not_found,
                                Text{"Kunci API tidak ditemukan.", fmt::format("There is no API key {}.", id)}));
  }
  if (key->revoked) {
    std::cout << fmt::format("API key {} was already revoked.", id) << std::endl;
    return kExitOk;
  }
  SystemClock clock;
  if (auto revoked = ai::revoke_api_key(*storage, clock, id, std::string(kAuditActor)); !revoked) {
    return fail(kCommand, revoked.error());
  }
  std::cout << fmt::format("API key {} ({}) is revoked.", id, key->name) << std::endl;
  return kExitOk;
}

// --- sigap audit --------------------------------------------------------------------------------

int audit_verify(const Config& config) {
  auto storage = open_database(config);
  if (!storage) return kExitBadStartup;
  auto report = app::audit::verify_audit_chain(*storage);
  if (!report) return fail("audit verify", report.error());
  if (!report->intact()) {
    std::cout << fmt::format("audit chain broken at entry {}: {}", *report->first_broken, report->problem) << std::endl;
    return kExitFailure;
  }
  std::cout << fmt::format("audit chain intact: {} entries", report->entries) << std::endl;
  return kExitOk;
}

// --- sigap demo ---------------------------------------------------------------------------------

std::optional<std::vector<ai::DemoAccount>> prepare_demo_accounts(app::ports::Storage& storage, const Config& config) {
  auto path = demo_passwords_path(config);
  auto known = read_demo_passwords(path);
  if (!known) {
    say_error(fmt::format("demo accounts: {}", known.error().message().en));
    return std::nullopt;
  }
  SystemClock clock;
  auto accounts = ai::ensure_demo_users(storage, clock, *known, std::string(kAuditActor));
  if (!accounts) {
    fail("demo accounts", accounts.error());
    return std::nullopt;
  }
  auto created = std::count_if(accounts->begin(), accounts->end(), [](const ai::DemoAccount& a) { return a.created; });
  logging::app().info("demo accounts: {} created, {} already there", created,
                      static_cast<std::ptrdiff_t>(accounts->size()) - created);
  if (created > 0) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (auto written = write_demo_passwords(path, *accounts); !written) {
      // The accounts exist; their passwords are shown this once, and the demo still runs.
      say_error(
          fmt::format("demo accounts: {} The passwords below will not be shown again.", written.error().message().en));
      logging::app().warn("demo accounts file: {}", written.error().log_detail());
    }
  }
  return std::move(*accounts);
}

void print_demo_accounts(std::ostream& out, const std::vector<ai::DemoAccount>& accounts, const Config& config) {
  if (accounts.empty()) return;
  std::vector<std::vector<std::string>> rows;
  bool unknown = false;
  for (const auto& account : accounts) {
    unknown = unknown || account.password.empty();
    rows.push_back({account.email, account.membership, account.password.empty() ? "(unknown)" : account.password});
  }
  out << "Demo accounts:\n"
      << format_table({"E-MAIL", "ROLE@UNIT", "PASSWORD"}, rows, "  ") << "The passwords are kept in "
      << demo_passwords_path(config).string() << " (readable by you only).\n";
  if (unknown) out << "(unknown): set a password with `sigap user reset-password EMAIL`.\n";
  out << "Note: admin and leader will be asked to set up two-step verification at first sign-in.\n";
}

}  // namespace sigap::cli
