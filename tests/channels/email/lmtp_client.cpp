#include "lmtp_client.hpp"

#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "support/loopback_listener.hpp"

namespace sigap::testing {

std::string dot_stuffed(std::string_view message) {
  std::string out;
  std::size_t start = 0;
  while (start < message.size()) {
    auto end = message.find('\n', start);
    auto line = message.substr(start, (end == std::string_view::npos ? message.size() : end) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() == '.') out += '.';
    out.append(line);
    out += "\r\n";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

LmtpClient::LmtpClient(std::uint16_t port) {
  socket_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (socket_ < 0 || ::connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    throw std::runtime_error("cannot connect to the LMTP listener");
  }
  greeting_ = reply();
}

LmtpClient::~LmtpClient() { close(); }

void LmtpClient::close() {
  if (socket_ >= 0) ::close(socket_);
  socket_ = -1;
}

void LmtpClient::send(std::string_view bytes) { write_all(socket_, bytes); }

std::string LmtpClient::reply() {
  std::string whole;
  while (true) {
    auto line = read_until(socket_, buffer_, "\r\n");
    if (line.empty()) return whole;
    whole += line;
    if (line.size() < 4 || line[3] != '-') return whole;
  }
}

std::string LmtpClient::command(std::string_view line) {
  send(std::string(line) + "\r\n");
  return reply();
}

std::vector<std::string> LmtpClient::deliver(std::string_view sender, const std::vector<std::string>& recipients,
                                             std::string_view message) {
  auto lhlo = command("LHLO mx.palembang.go.id");
  if (!lhlo.starts_with("250")) return {lhlo};
  auto mail = command("MAIL FROM:<" + std::string(sender) + ">");
  if (!mail.starts_with("250")) return {mail};
  std::size_t accepted = 0;
  for (const auto& recipient : recipients) {
    auto rcpt = command("RCPT TO:<" + recipient + ">");
    if (rcpt.starts_with("250")) ++accepted;
  }
  auto data = command("DATA");
  if (!data.starts_with("354")) return {data};
  send(dot_stuffed(message) + ".\r\n");
  std::vector<std::string> replies;
  for (std::size_t i = 0; i < accepted; ++i) replies.push_back(reply());
  return replies;
}

bool LmtpClient::closed_by_server() {
  pollfd fd{socket_, POLLIN, 0};
  char byte = 0;
  for (int waited = 0; waited < 50; ++waited) {
    if (::poll(&fd, 1, 100) > 0) {
      auto got = ::recv(socket_, &byte, 1, 0);
      if (got <= 0) return true;
    }
  }
  return false;
}

}  // namespace sigap::testing
