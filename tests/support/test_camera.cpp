#include "support/test_camera.hpp"

#include <algorithm>
#include <cctype>
#include <thread>

#include <sys/socket.h>

namespace sigap::testing {

namespace {

std::string base64(const std::string& text) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    auto n = (static_cast<unsigned char>(text[i]) << 16) | (static_cast<unsigned char>(text[i + 1]) << 8) |
             static_cast<unsigned char>(text[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(n >> shift) & 63];
  }
  if (i + 1 == text.size()) {
    auto n = static_cast<unsigned char>(text[i]) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == text.size()) {
    auto n = (static_cast<unsigned char>(text[i]) << 16) | (static_cast<unsigned char>(text[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

// The value of header `name` (any case) in a request head, trimmed; "" when absent.
std::string header_of(const std::string& head, const std::string& name) {
  std::string lower = head;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  auto at = lower.find("\r\n" + name + ":");
  if (at == std::string::npos) return {};
  auto start = at + 3 + name.size();
  auto end = head.find("\r\n", start);
  auto value = head.substr(start, end - start);
  auto first = value.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : value.substr(first);
}

}  // namespace

TestCamera::TestCamera(Mode mode, std::vector<std::string> frames, std::uint16_t port, std::string user,
                       std::string password)
    : mode_(mode), frames_(std::move(frames)) {
  if (!user.empty() || !password.empty()) authorization_ = "Basic " + base64(user + ":" + password);
  listener_ = std::make_unique<LoopbackListener>(port, [this](int socket) { serve(socket); });
}

std::string TestCamera::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port()) + path;
}

void TestCamera::serve(int socket) {
  std::string buffer;
  auto head = read_until(socket, buffer, "\r\n\r\n");
  if (head.empty()) return;
  if (!authorization_.empty() && header_of(head, "authorization") != authorization_) {
    ++challenged_;
    const std::string page = "<html>401 Unauthorized</html>";
    write_all(socket,
              "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"camera\"\r\n"
              "Content-Type: text/html\r\nContent-Length: " +
                  std::to_string(page.size()) + "\r\nConnection: close\r\n\r\n" + page);
    return;
  }
  ++served_;
  if (mode_ == Mode::jpeg) {
    const auto& frame = frames_.front();
    write_all(socket, "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: " + std::to_string(frame.size()) +
                          "\r\nConnection: close\r\n\r\n" + frame);
    return;
  }
  write_all(socket,
            "HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace; boundary=frame\r\nConnection: close\r\n\r\n");
  for (std::size_t n = 0; n < 200; ++n) {
    const auto& frame = frames_[n % frames_.size()];
    std::string part = "--frame\r\nContent-Type: image/jpeg\r\nContent-Length: " + std::to_string(frame.size()) +
                       "\r\n\r\n" + frame + "\r\n";
    auto sent = send(socket, part.data(), part.size(), MSG_NOSIGNAL);
    if (sent < 0) return;  // the client has its frame and hung up
    if (static_cast<std::size_t>(sent) < part.size()) write_all(socket, std::string_view(part).substr(sent));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace sigap::testing
