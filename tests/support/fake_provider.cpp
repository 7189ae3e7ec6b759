#include "support/fake_provider.hpp"

#include <thread>

namespace sigap::testing {

namespace {

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string trim(const std::string& text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

}  // namespace

FakeProvider::FakeProvider(Answer answer) : answer_(std::move(answer)) {
  listener_ = std::make_unique<LoopbackListener>(0, [this](int socket) { serve(socket); });
}

std::string FakeProvider::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port()) + path;
}

std::vector<ReceivedRequest> FakeProvider::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

bool FakeProvider::wait_for(const std::function<bool(const std::vector<ReceivedRequest>&)>& done,
                            std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done(requests())) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done(requests());
}

void FakeProvider::serve(int socket) {
  std::string buffer;
  auto head = read_until(socket, buffer, "\r\n\r\n");
  if (head.empty()) return;
  ReceivedRequest request;
  request.at = std::chrono::system_clock::now();
  auto line_end = head.find("\r\n");
  auto request_line = head.substr(0, line_end);
  auto space = request_line.find(' ');
  request.method = request_line.substr(0, space);
  request.target = request_line.substr(space + 1, request_line.rfind(' ') - space - 1);
  for (auto at = line_end + 2; at < head.size();) {
    auto end = head.find("\r\n", at);
    auto line = head.substr(at, end - at);
    at = end + 2;
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    request.headers[lower(line.substr(0, colon))] = trim(line.substr(colon + 1));
  }
  auto length = request.header("content-length");
  request.body = read_exactly(socket, buffer, length.empty() ? 0 : std::stoul(length));
  auto answer = answer_(request);
  request.answered = answer.status;
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
  }
  write_all(socket, "HTTP/1.1 " + std::to_string(answer.status) + " Answer\r\nContent-Type: " + answer.content_type +
                        "\r\nContent-Length: " + std::to_string(answer.body.size()) +
                        "\r\nConnection: close\r\n\r\n" + answer.body);
}

}  // namespace sigap::testing
