#include "support/loopback_listener.hpp"

#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sigap::testing {

namespace {

int listen_on(std::uint16_t port, std::uint16_t& bound) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  int yes = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(fd, 64) != 0) {
    close(fd);
    throw std::runtime_error("cannot listen on 127.0.0.1:" + std::to_string(port));
  }
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  bound = ntohs(address.sin_port);
  return fd;
}

}  // namespace

LoopbackListener::LoopbackListener(std::uint16_t port, Serve serve) : serve_(std::move(serve)) {
  socket_ = listen_on(port, port_);
  thread_ = std::thread([this] {
    while (!stopping_) {
      pollfd waiting{socket_, POLLIN, 0};
      if (poll(&waiting, 1, 50) <= 0) continue;
      int connection = accept4(socket_, nullptr, nullptr, SOCK_CLOEXEC);
      if (connection < 0) continue;
      timeval timeout{5, 0};
      setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
      serve_(connection);
      close(connection);
    }
  });
}

LoopbackListener::~LoopbackListener() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  close(socket_);
}

std::uint16_t LoopbackListener::free_port() {
  std::uint16_t port = 0;
  close(listen_on(0, port));
  return port;
}

std::string read_until(int socket, std::string& buffer, std::string_view delimiter) {
  for (;;) {
    if (auto at = buffer.find(delimiter); at != std::string::npos) {
      auto out = buffer.substr(0, at + delimiter.size());
      buffer.erase(0, at + delimiter.size());
      return out;
    }
    char chunk[4096];
    auto n = recv(socket, chunk, sizeof chunk, 0);
    if (n <= 0) return {};
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

std::string read_exactly(int socket, std::string& buffer, std::size_t count) {
  while (buffer.size() < count) {
    char chunk[4096];
    auto n = recv(socket, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  auto out = buffer.substr(0, std::min(count, buffer.size()));
  buffer.erase(0, out.size());
  return out;
}

void write_all(int socket, std::string_view data) {
  while (!data.empty()) {
    auto n = send(socket, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace sigap::testing
