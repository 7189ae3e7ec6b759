#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/identity/demo_users.hpp"
#include "app/ports/storage.hpp"
#include "cli/config.hpp"

// `sigap user ...`, `sigap apikey ...` and `sigap audit verify`, and the demo accounts of
// `sigap demo`. Each command opens the configured database (a failure there is
// kExitBadStartup), runs one use case audited as "cli", prints its answer on stdout and its
// problems on stderr (one line each, field problems indented below), and returns an exit
// status from cli.hpp. Passwords and tokens go to stdout only, never to the log.
namespace sigap::cli {

struct UserAddOptions {
  std::string email;
  std::string name;
  std::vector<std::string> memberships;  // "ROLE@UNIT_CODE"
  bool password_stdin = false;           // read one line from `in`; otherwise generate one and print it
};

/// `sigap user add`: prints the new user's id (and the generated password, once).
int user_add(const Config& config, const UserAddOptions& options, std::istream& in);
/// `sigap user list`: a table of id, e-mail, name, disabled, TOTP and memberships.
int user_list(const Config& config);
/// `sigap user disable|enable ID|EMAIL`. Disabling ends the user's sessions.
int user_set_disabled(const Config& config, const std::string& user, bool disabled);
/// `sigap user reset-password ID|EMAIL`: from one line of `in` with `password_stdin`, else a
/// generated password printed once. Ends the user's sessions.
int user_reset_password(const Config& config, const std::string& user, bool password_stdin, std::istream& in);
/// `sigap user grant|revoke ID|EMAIL ROLE@UNIT_CODE`.
int user_grant(const Config& config, const std::string& user, const std::string& membership);
int user_revoke(const Config& config, const std::string& user, const std::string& membership);

struct ApiKeyCreateOptions {
  std::string name;
  std::string unit;
  std::vector<std::string> scopes;  // action names (domain/access/access.hpp)
  int days = 365;
};

/// `sigap apikey create`: prints the token once.
int apikey_create(const Config& config, const ApiKeyCreateOptions& options);
/// `sigap apikey list`: a table of the keys (never their secrets).
int apikey_list(const Config& config);
/// `sigap apikey revoke ID`: an unknown id fails; an already revoked key is left as it is.
int apikey_revoke(const Config& config, std::int64_t id);

/// `sigap audit verify`: kExitOk when the whole chain is intact, kExitFailure naming the first
/// broken entry otherwise.
int audit_verify(const Config& config);

/// The demo accounts for `sigap demo`: creates the missing ones (app::identity::ensure_demo_users)
/// and keeps the passwords of new ones in `<data_dir>/demo-users.txt` (mode 0600), whose
/// passwords are also used when an account is missing again, so a rerun on the same data dir
/// shows the same passwords. nullopt (after saying why on stderr) when the accounts cannot be
/// created or the file cannot be read.
std::optional<std::vector<app::identity::DemoAccount>> prepare_demo_accounts(app::ports::Storage& storage,
                                                                             const Config& config);

/// The table of demo accounts with their passwords, for the demo's stdout only.
void print_demo_accounts(std::ostream& out, const std::vector<app::identity::DemoAccount>& accounts,
                         const Config& config);

}  // namespace sigap::cli
