#include "support/smtp_sink.hpp"

#include <thread>

namespace sigap::testing {

namespace {

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// "MAIL FROM:<a@b> SIZE=12" -> "a@b"
std::string address_in(const std::string& line) {
  auto open = line.find('<');
  auto close = line.find('>', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  return line.substr(open + 1, close - open - 1);
}

std::string decode_words(const std::string& value) {
  std::string out;
  std::size_t at = 0;
  while (at < value.size()) {
    auto start = value.find("=?UTF-8?B?", at);
    if (start == std::string::npos) break;
    auto end = value.find("?=", start + 10);
    if (end == std::string::npos) break;
    out += value.substr(at, start - at);
    out += base64_decode(value.substr(start + 10, end - start - 10));
    at = end + 2;
  }
  out += value.substr(at);
  return out;
}

}  // namespace

std::string base64_decode(std::string_view text) {
  auto value_of = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    if (c == '=') break;
    int value = value_of(c);
    if (value < 0) continue;
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xff);
    }
  }
  return out;
}

std::string ReceivedMail::header(const std::string& name) const {
  auto end = data.find("\r\n\r\n");
  auto head = data.substr(0, end);
  std::size_t at = 0;
  while (at < head.size()) {
    auto line_end = head.find("\r\n", at);
    if (line_end == std::string::npos) line_end = head.size();
    auto line = head.substr(at, line_end - at);
    at = line_end + 2;
    auto colon = line.find(':');
    if (colon != std::string::npos && lower(line.substr(0, colon)) == lower(name)) {
      auto value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      return decode_words(value);
    }
  }
  return {};
}

std::string ReceivedMail::text() const {
  auto end = data.find("\r\n\r\n");
  auto body = end == std::string::npos ? std::string() : data.substr(end + 4);
  if (lower(header("Content-Transfer-Encoding")) == "base64") return base64_decode(body);
  return body;
}

SmtpSink::SmtpSink(std::set<std::string> refuse) : refuse_(std::move(refuse)) {
  listener_ = std::make_unique<LoopbackListener>(0, [this](int socket) { serve(socket); });
}

std::vector<ReceivedMail> SmtpSink::mails() const {
  std::lock_guard lock(mutex_);
  return mails_;
}

bool SmtpSink::wait_for(std::size_t count, std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (mails().size() >= count) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return mails().size() >= count;
}

void SmtpSink::serve(int socket) {
  std::string buffer;
  write_all(socket, "220 sink.test ESMTP ready\r\n");
  ReceivedMail mail;
  for (;;) {
    auto line = read_until(socket, buffer, "\r\n");
    if (line.empty()) return;
    line.resize(line.size() - 2);
    auto verb = upper(line.substr(0, 4));
    if (verb == "EHLO") {
      write_all(socket, "250-sink.test\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n");
    } else if (verb == "HELO") {
      write_all(socket, "250 sink.test\r\n");
    } else if (verb == "MAIL") {
      mail = ReceivedMail{};
      mail.from = address_in(line);
      write_all(socket, "250 OK\r\n");
    } else if (verb == "RCPT") {
      auto to = address_in(line);
      if (refuse_.contains(to)) {
        write_all(socket, "550 5.1.1 No such mailbox\r\n");
      } else {
        mail.to.push_back(to);
        write_all(socket, "250 OK\r\n");
      }
    } else if (verb == "DATA") {
      write_all(socket, "354 End data with <CR><LF>.<CR><LF>\r\n");
      auto data = read_until(socket, buffer, "\r\n.\r\n");
      if (data.empty()) return;
      data.resize(data.size() - 3);  // keep the last CRLF of the message, drop ".\r\n"
      // Undo dot-stuffing: a line starting with ".." began with "." in the message.
      std::string unstuffed;
      std::size_t at = 0;
      while (at < data.size()) {
        auto end = data.find("\r\n", at);
        if (end == std::string::npos) end = data.size();
        auto text_line = data.substr(at, end - at);
        if (text_line.starts_with("..")) text_line.erase(0, 1);
        unstuffed += text_line;
        if (end < data.size()) unstuffed += "\r\n";
        at = end + 2;
      }
      mail.data = std::move(unstuffed);
      {
        std::lock_guard lock(mutex_);
        mails_.push_back(mail);
      }
      write_all(socket, "250 OK: queued\r\n");
    } else if (verb == "QUIT") {
      write_all(socket, "221 Bye\r\n");
      return;
    } else if (verb == "RSET" || verb == "NOOP") {
      write_all(socket, "250 OK\r\n");
    } else {
      write_all(socket, "502 Command not implemented\r\n");
    }
  }
}

}  // namespace sigap::testing
