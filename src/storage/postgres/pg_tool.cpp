#include "storage/postgres/pg_tool.hpp"

#include <array>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <fmt/format.h>
#include <libpq-fe.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace sigap::storage::postgres {

namespace {

// A conninfo value in single quotes, with quotes and backslashes escaped (libpq's rules).
std::string quoted(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

}  // namespace

Result<ToolConnection> tool_connection(const std::string& url) {
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &message);
  if (!options) {
    std::string why = message ? message : "out of memory";
    PQfreemem(message);
    return Error(ErrorCode::validation, Text{"URL PostgreSQL tidak dapat dibaca.", "cannot parse the PostgreSQL URL"})
        .with_log_detail(why);
  }
  ToolConnection connection;
  for (auto* option = options; option->keyword; ++option) {
    if (!option->val || !*option->val) continue;
    std::string_view keyword = option->keyword;
    if (keyword == "password") {
      connection.environment.push_back(std::string("PGPASSWORD=") + option->val);
      continue;
    }
    if (!connection.conninfo.empty()) connection.conninfo += ' ';
    connection.conninfo += std::string(keyword) + "=" + quoted(option->val);
  }
  PQconninfoFree(options);
  return connection;
}

Result<ToolOutcome> run_tool(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
                             int stdout_fd, const std::function<void(std::string_view line)>& on_line) {
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> names;  // of the variables `environment` sets: the parent's copies are left out
  for (const auto& variable : environment) names.push_back(variable.substr(0, variable.find('=') + 1));
  std::vector<char*> env;
  for (char** variable = environ; *variable; ++variable) {
    bool replaced = false;
    for (const auto& name : names) replaced = replaced || std::strncmp(*variable, name.c_str(), name.size()) == 0;
    if (!replaced) env.push_back(*variable);
  }
  for (const auto& variable : environment) env.push_back(const_cast<char*>(variable.c_str()));
  env.push_back(nullptr);

  std::array<int, 2> err{-1, -1};
  std::array<int, 2> out{-1, -1};
  auto cleanup = [&] {
    close_fd(err[0]);
    close_fd(err[1]);
    close_fd(out[0]);
    close_fd(out[1]);
  };
  if (pipe2(err.data(), O_CLOEXEC) != 0 || (stdout_fd < 0 && pipe2(out.data(), O_CLOEXEC) != 0)) {
    cleanup();
    return Error(ErrorCode::unavailable, Text{"Pipa tidak dapat dibuat.", "cannot create a pipe"});
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, stdout_fd >= 0 ? stdout_fd : out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  pid_t pid = -1;
  int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  close_fd(err[1]);
  close_fd(out[1]);
  if (spawned != 0) {
    cleanup();
    if (spawned == ENOENT) {
      return Error(
          ErrorCode::unavailable,
          Text{fmt::format("{} tidak ditemukan di PATH (Debian: apt-get install postgresql-client-15).", argv[0]),
               fmt::format("{} is not on PATH (Debian: apt-get install postgresql-client-15)", argv[0])});
    }
    return Error(ErrorCode::unavailable,
                 Text{fmt::format("{} tidak dapat dijalankan: {}", argv[0], std::strerror(spawned)),
                      fmt::format("cannot run {}: {}", argv[0], std::strerror(spawned))});
  }

  ToolOutcome outcome;
  std::string pending;  // a stderr line not finished yet
  auto take_lines = [&](bool flush) {
    std::size_t start = 0;
    for (auto newline = pending.find('\n'); newline != std::string::npos; newline = pending.find('\n', start)) {
      std::string_view line(pending.data() + start, newline - start);
      if (!line.empty()) {
        outcome.last_message = std::string(line);
        if (on_line) on_line(line);
      }
      start = newline + 1;
    }
    pending.erase(0, start);
    if (flush && !pending.empty()) {
      outcome.last_message = pending;
      if (on_line) on_line(pending);
      pending.clear();
    }
  };
  std::array<pollfd, 2> fds{{{err[0], POLLIN, 0}, {out[0], POLLIN, 0}}};
  std::array<char, 8192> chunk{};
  int open = out[0] >= 0 ? 2 : 1;
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
      if (i == 0) {
        pending.append(chunk.data(), static_cast<std::size_t>(got));
        take_lines(false);
      } else {
        outcome.out.append(chunk.data(), static_cast<std::size_t>(got));
      }
    }
  }
  for (auto& fd : fds) close_fd(fd.fd);
  err[0] = out[0] = -1;
  take_lines(true);
  int raw = 0;
  while (waitpid(pid, &raw, 0) < 0 && errno == EINTR) {
  }
  outcome.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : -1;
  return outcome;
}

}  // namespace sigap::storage::postgres
