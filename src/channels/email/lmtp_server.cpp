#include "channels/email/lmtp_server.hpp"

#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>

#include "common/logging.hpp"

namespace sigap::channels::email {

namespace {

Error listen_error(const std::string& what) {
  return Error(ErrorCode::validation, Text{"Alamat LMTP tidak dapat dipakai.", "The LMTP address cannot be used."},
               {FieldError{"lmtp_listen", Text{what, what}}});
}

// Writes all of `data`; false when the peer is gone or did not read within the send timeout.
bool write_all(int socket, std::string_view data) {
  while (!data.empty()) {
    auto sent = ::send(socket, data.data(), data.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

}  // namespace

LmtpServer::LmtpServer(LmtpServerOptions options, DeliverMessage deliver)
    : options_(std::move(options)), deliver_(std::move(deliver)) {}

LmtpServer::~LmtpServer() {
  stop();
  if (listener_ >= 0) ::close(listener_);
  for (int fd : wake_) {
    if (fd >= 0) ::close(fd);
  }
}

Result<void> LmtpServer::listen() {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  auto port = std::to_string(options_.port);
  if (int rc = ::getaddrinfo(options_.host.c_str(), port.c_str(), &hints, &found); rc != 0 || !found) {
    return listen_error(fmt::format("\"{}\" is not an IP address", options_.host));
  }
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
  int fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return listen_error(fmt::format("socket: {}", std::strerror(errno)));
  int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  if (::bind(fd, found->ai_addr, found->ai_addrlen) != 0 || ::listen(fd, 64) != 0) {
    auto what = fmt::format("{}:{}: {}", options_.host, options_.port, std::strerror(errno));
    ::close(fd);
    return listen_error(what);
  }
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
  port_ = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                            : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  if (::pipe2(wake_, O_CLOEXEC) != 0) {
    ::close(fd);
    return listen_error(fmt::format("pipe: {}", std::strerror(errno)));
  }
  listener_ = fd;
  return {};
}

void LmtpServer::start() {
  if (listener_ < 0 || acceptor_.joinable()) return;
  acceptor_ = std::thread([this] { accept_loop(); });
}

void LmtpServer::stop() {
  if (stopping_.exchange(true)) return;
  if (wake_[1] >= 0) {
    char byte = 1;
    [[maybe_unused]] auto written = ::write(wake_[1], &byte, 1);
  }
  if (acceptor_.joinable()) acceptor_.join();
  {
    std::lock_guard lock(mutex_);
    for (auto& connection : connections_) {
      if (connection->socket >= 0) ::shutdown(connection->socket, SHUT_RDWR);
    }
  }
  reap(true);
}

void LmtpServer::reap(bool all) {
  std::list<std::unique_ptr<Connection>> finished;
  {
    std::lock_guard lock(mutex_);
    for (auto it = connections_.begin(); it != connections_.end();) {
      if (all || (*it)->done) {
        finished.push_back(std::move(*it));
        it = connections_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& connection : finished) {
    if (connection->thread.joinable()) connection->thread.join();
  }
}

void LmtpServer::accept_loop() {
  while (!stopping_) {
    pollfd fds[2] = {{listener_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
    int ready = ::poll(fds, 2, 1000);
    reap(false);
    if (stopping_) break;
    if (ready <= 0 || !(fds[0].revents & POLLIN)) continue;
    int socket = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (socket < 0) continue;
    timeval send_limit{static_cast<time_t>(options_.idle_timeout.count()), 0};
    ::setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &send_limit, sizeof send_limit);
    std::lock_guard lock(mutex_);
    if (connections_.size() >= options_.max_connections) {
      write_all(socket, fmt::format("421 4.3.2 {} Too many connections, try again later\r\n", options_.host_name));
      ::close(socket);
      logging::app().warn("lmtp: connection refused, {} open already", connections_.size());
      continue;
    }
    auto connection = std::make_unique<Connection>();
    connection->socket = socket;
    auto* raw = connection.get();
    connections_.push_back(std::move(connection));
    raw->thread = std::thread([this, raw] { serve(*raw); });
  }
}

void LmtpServer::serve(Connection& connection) {
  int socket = -1;
  {
    std::lock_guard lock(mutex_);
    socket = connection.socket;
  }
  LmtpSession session(options_.host_name, options_.limits, options_.recipients, deliver_);
  bool open = write_all(socket, session.greeting());
  std::string buffer(64 * 1024, '\0');
  auto timeout_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(options_.idle_timeout).count());
  while (open && !session.closed() && !stopping_) {
    pollfd fd{socket, POLLIN, 0};
    int ready = ::poll(&fd, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      write_all(socket, session.timed_out());
      break;
    }
    if (ready < 0) break;
    auto received = ::recv(socket, buffer.data(), buffer.size(), 0);
    if (received < 0 && errno == EINTR) continue;
    if (received <= 0) {
      if (session.in_data()) logging::app().info("lmtp: connection lost inside DATA; nothing delivered");
      break;
    }
    auto reply = session.feed(std::string_view(buffer.data(), static_cast<std::size_t>(received)));
    if (!reply.empty()) open = write_all(socket, reply);
  }
  {
    std::lock_guard lock(mutex_);
    ::close(connection.socket);
    connection.socket = -1;
  }
  connection.done = true;
}

}  // namespace sigap::channels::email
