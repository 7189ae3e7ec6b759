#include "support/webhook_receiver.hpp"

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

std::string ReceivedRequest::header(const std::string& name) const {
  auto found = headers.find(lower(name));
  return found == headers.end() ? std::string() : found->second;
}

WebhookReceiver::WebhookReceiver(Answer answer, std::uint16_t port, std::chrono::milliseconds delay)
    : answer_(answer ? std::move(answer) : [](const ReceivedRequest&, std::size_t) { return 200; }), delay_(delay) {
  listener_ = std::make_unique<LoopbackListener>(port, [this](int socket) { serve(socket); });
}

std::string WebhookReceiver::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port()) + path;
}

std::vector<ReceivedRequest> WebhookReceiver::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

bool WebhookReceiver::wait_for(const std::function<bool(const std::vector<ReceivedRequest>&)>& done,
                               std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done(requests())) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done(requests());
}

void WebhookReceiver::serve(int socket) {
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
  std::size_t index = 0;
  {
    std::lock_guard lock(mutex_);
    index = requests_.size();
  }
  if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
  request.answered = answer_(request, index);
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
  }
  write_all(socket, "HTTP/1.1 " + std::to_string(request.answered) +
                        " Answer\r\nContent-Length: 2\r\n"
                        "Connection: close\r\n\r\nok");
}

}  // namespace sigap::testing
