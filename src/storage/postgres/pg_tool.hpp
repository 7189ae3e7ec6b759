#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

// PostgreSQL's own client programs (pg_dump, pg_restore) run as child processes for `sigap
// backup` and `sigap restore` (storage/postgres/pg_backup.hpp).
namespace sigap::storage::postgres {

/// How a client program reaches a database without its password on the command line (where
/// `ps` shows it): a conninfo string without the password for --dbname, and PGPASSWORD.
struct ToolConnection {
  std::string conninfo;
  std::vector<std::string> environment;  // "NAME=value" added to the child's environment
};

/// From a libpq URI or conninfo. `validation` when libpq cannot parse it.
Result<ToolConnection> tool_connection(const std::string& url);

struct ToolOutcome {
  int status = 0;            // exit status, or 128 + the signal that ended it
  std::string last_message;  // its last line on stderr (the reason when it failed)
  std::string out;           // its stdout, when it was captured
};

/// Runs `argv` (argv[0] looked up on PATH) to its end with stdin from /dev/null, stdout into
/// `stdout_fd`, or captured into ToolOutcome::out when `stdout_fd` is -1, and each stderr line
/// handed to `on_line` (may be empty) as it comes. Errors: `unavailable` when the program is not
/// on PATH (naming the Debian package that has it) or cannot be started.
Result<ToolOutcome> run_tool(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
                             int stdout_fd, const std::function<void(std::string_view line)>& on_line);

}  // namespace sigap::storage::postgres
