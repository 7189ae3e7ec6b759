#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <sys/types.h>

namespace sigap::testing {

/// A child process run from an argv (no shell), with stdout and stderr captured. A thread drains
/// both pipes all the time, so a chatty child never blocks on a full pipe. The child gets this
/// process's environment without SIGAP_* variables (they would configure it behind the test's
/// back), plus `extra_environment` ("NAME=value"). If the child still runs when the Process is
/// destroyed it is killed (SIGKILL) and reaped, so a failing test leaves nothing behind. Its
/// stdin is `stdin_text` (at most 64 KiB, then end of file), or /dev/null when that is empty.
/// Not thread-safe apart from the output accessors.
class Process {
 public:
  explicit Process(const std::vector<std::string>& argv, const std::vector<std::string>& extra_environment = {},
                   std::string_view stdin_text = {});
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  [[nodiscard]] pid_t pid() const { return pid_; }

  /// Waits for a whole stdout line containing `needle` and returns it (without the newline);
  /// nullopt when the timeout passes or stdout closes first.
  std::optional<std::string> wait_for_stdout_line(std::string_view needle, std::chrono::milliseconds timeout);

  /// Waits for the child to end: its exit status, or 128 + the signal that ended it; nullopt
  /// when it still runs after `timeout`. Once it returned a status, all output has been read.
  std::optional<int> wait(std::chrono::milliseconds timeout);

  /// Sends `signal` to the child (unless it has already been reaped).
  void send_signal(int signal);

  [[nodiscard]] std::string stdout_text() const;
  [[nodiscard]] std::string stderr_text() const;

 private:
  void drain(int out_fd, int err_fd);

  pid_t pid_ = -1;
  std::optional<int> status_;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string stdout_;   // GUARDED_BY(mutex_)
  std::string stderr_;   // GUARDED_BY(mutex_)
  bool closed_ = false;  // GUARDED_BY(mutex_): both pipes reached end of file
};

struct ProcessResult {
  int status = -1;  // exit status, 128 + signal, or -1 when it had to be killed after the timeout
  std::string out;
  std::string err;
};

/// Runs `argv` to completion (killing it after `timeout`) and returns its status and output.
ProcessResult run_process(const std::vector<std::string>& argv,
                          std::chrono::milliseconds timeout = std::chrono::seconds(20));

/// run_process with `stdin_text` as the child's stdin (see Process).
ProcessResult run_process_with_input(const std::vector<std::string>& argv, std::string_view stdin_text,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(20));

/// The non-empty lines of `text`.
std::vector<std::string> lines_of(std::string_view text);

}  // namespace sigap::testing
