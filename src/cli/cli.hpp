#pragma once

namespace sigap::cli {

/// Exit statuses of the sigap command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      // the command ran and failed (e.g. a bad import file)
inline constexpr int kExitBadStartup = 2;   // bad flags, configuration, database or address

/// Runs `sigap <command> ...` and returns the exit status.
int run(int argc, char** argv);

}  // namespace sigap::cli
