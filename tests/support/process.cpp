#include "support/process.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace sigap::testing {

namespace {

int status_from(int raw) {
  if (WIFEXITED(raw)) return WEXITSTATUS(raw);
  if (WIFSIGNALED(raw)) return 128 + WTERMSIG(raw);
  return -1;
}

}  // namespace

Process::Process(const std::vector<std::string>& argv, const std::vector<std::string>& extra_environment,
                 std::string_view stdin_text) {
  if (argv.empty()) throw std::invalid_argument("Process: empty argv");
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<char*> environment;
  for (char** variable = environ; *variable; ++variable) {
    if (std::strncmp(*variable, "SIGAP_", 6) != 0) environment.push_back(*variable);
  }
  for (const auto& variable : extra_environment) environment.push_back(const_cast<char*>(variable.c_str()));
  environment.push_back(nullptr);

  // The input is written whole before the child starts (a pipe holds 64 KiB), so the write can
  // neither block nor meet a closed reader.
  int input = -1;
  if (!stdin_text.empty()) {
    constexpr std::size_t kPipeCapacity = std::size_t{64} * 1024;
    if (stdin_text.size() > kPipeCapacity) throw std::invalid_argument("Process: stdin_text over 64 KiB");
    std::array<int, 2> in{};
    if (pipe2(in.data(), O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    auto wrote = write(in[1], stdin_text.data(), stdin_text.size());
    close(in[1]);
    if (wrote != static_cast<ssize_t>(stdin_text.size())) {
      close(in[0]);
      throw std::runtime_error("writing the child's stdin failed");
    }
    input = in[0];
  }
  std::array<int, 2> out{};
  std::array<int, 2> err{};
  if (pipe2(out.data(), O_CLOEXEC) != 0) {
    if (input >= 0) close(input);
    throw std::runtime_error("pipe2 failed");
  }
  if (pipe2(err.data(), O_CLOEXEC) != 0) {
    if (input >= 0) close(input);
    close(out[0]);
    close(out[1]);
    throw std::runtime_error("pipe2 failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (input >= 0) {
    posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  int spawned = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environment.data());
  posix_spawn_file_actions_destroy(&actions);
  if (input >= 0) close(input);
  close(out[1]);
  close(err[1]);
  if (spawned != 0) {
    close(out[0]);
    close(err[0]);
    throw std::runtime_error(std::string("posix_spawn ") + argv[0] + ": " + std::strerror(spawned));
  }
  reader_ = std::thread([this, out_fd = out[0], err_fd = err[0]] { drain(out_fd, err_fd); });
}

Process::~Process() {
  if (!status_) {
    kill(pid_, SIGKILL);
    int raw = 0;
    while (waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
    }
  }
  if (reader_.joinable()) reader_.join();
}

void Process::drain(int out_fd, int err_fd) {
  std::array<pollfd, 2> fds{{{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}}};
  std::array<char, 4096> chunk{};
  int open = 2;
  while (open > 0) {
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      auto got = read(fds[i].fd, chunk.data(), chunk.size());
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open;
        continue;
      }
      std::lock_guard lock(mutex_);
      (i == 0 ? stdout_ : stderr_).append(chunk.data(), static_cast<std::size_t>(got));
      changed_.notify_all();
    }
  }
  for (const auto& fd : fds) {
    if (fd.fd >= 0) close(fd.fd);
  }
  std::lock_guard lock(mutex_);
  closed_ = true;
  changed_.notify_all();
}

std::optional<std::string> Process::wait_for_stdout_line(std::string_view needle, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  std::optional<std::string> found;
  changed_.wait_for(lock, timeout, [&] {
    std::string_view text = stdout_;
    while (!text.empty()) {
      auto newline = text.find('\n');
      if (newline == std::string_view::npos) break;  // only whole lines
      auto line = text.substr(0, newline);
      if (line.find(needle) != std::string_view::npos) {
        found = std::string(line);
        return true;
      }
      text.remove_prefix(newline + 1);
    }
    return closed_;
  });
  return found;
}

std::optional<int> Process::wait(std::chrono::milliseconds timeout) {
  if (status_) return status_;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int raw = 0;
    auto done = waitpid(pid_, &raw, WNOHANG);
    if (done == pid_) {
      status_ = status_from(raw);
      if (reader_.joinable()) reader_.join();
      return status_;
    }
    if (done < 0 && errno != EINTR) throw std::runtime_error("waitpid failed");
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void Process::send_signal(int signal) {
  if (!status_) kill(pid_, signal);
}

std::string Process::stdout_text() const {
  std::lock_guard lock(mutex_);
  return stdout_;
}

std::string Process::stderr_text() const {
  std::lock_guard lock(mutex_);
  return stderr_;
}

ProcessResult run_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
  return run_process_with_input(argv, {}, timeout);
}

ProcessResult run_process_with_input(const std::vector<std::string>& argv, std::string_view stdin_text,
                                     std::chrono::milliseconds timeout) {
  Process process(argv, {}, stdin_text);
  ProcessResult result;
  if (auto status = process.wait(timeout)) result.status = *status;
  result.out = process.stdout_text();
  result.err = process.stderr_text();
  return result;
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    auto newline = text.find('\n');
    auto line = text.substr(0, newline);
    if (!line.empty()) lines.emplace_back(line);
    text = newline == std::string_view::npos ? "" : text.substr(newline + 1);
  }
  return lines;
}

}  // namespace sigap::testing
