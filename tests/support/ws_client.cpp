#include "support/ws_client.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

namespace sigap::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

struct WebSocketClient::Impl {
  net::io_context ioc;
  websocket::stream<tcp::socket> ws{ioc};
  beast::flat_buffer buffer;
  std::thread thread;
  std::mutex mutex;
  std::condition_variable arrived;
  std::deque<boost::json::value> messages;  // GUARDED_BY(mutex)
  std::size_t frames = 0;                    // GUARDED_BY(mutex)
  std::size_t batches = 0;                   // GUARDED_BY(mutex)
  bool ended = false;              // GUARDED_BY(mutex)
  int close_code = 0;              // GUARDED_BY(mutex)
  bool reading = false;

  void read_one() {
    ws.async_read(buffer, [this](beast::error_code ec, std::size_t) {
      std::lock_guard lock(mutex);
      if (ec) {
        ended = true;
        close_code = static_cast<int>(ws.reason().code);
        arrived.notify_all();
        return;
      }
      // A frame holds one message (an object) or several (an array of them, in order).
      auto parsed = boost::json::parse(beast::buffers_to_string(buffer.data()));
      buffer.consume(buffer.size());
      ++frames;
      if (parsed.is_array()) {
        ++batches;
        for (auto& message : parsed.as_array()) messages.push_back(std::move(message));
      } else {
        messages.push_back(std::move(parsed));
      }
      arrived.notify_all();
      read_one();
    });
  }
};

WebSocketClient::WebSocketClient(std::uint16_t port, const std::string& target, Options options)
    : impl_(std::make_unique<Impl>()) {
  beast::error_code ec;
  auto& socket = impl_->ws.next_layer();
  socket.open(tcp::v4(), ec);
  if (options.receive_buffer > 0) socket.set_option(net::socket_base::receive_buffer_size(options.receive_buffer), ec);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  if (ec) return;
  impl_->ws.set_option(websocket::stream_base::decorator([headers = options.headers](websocket::request_type& request) {
    for (const auto& [name, value] : headers) request.set(name, value);
  }));
  websocket::response_type response;
  impl_->ws.handshake(response, "127.0.0.1:" + std::to_string(port), target, ec);
  status_ = static_cast<int>(response.result_int());
  if (ec) {
    refusal_body_ = response.body();
    return;
  }
  if (options.read) start_reading();
}

WebSocketClient::~WebSocketClient() {
  close();
}

boost::json::value WebSocketClient::refusal_json() const { return boost::json::parse(refusal_body_); }

void WebSocketClient::start_reading() {
  if (impl_->reading || !open()) return;
  impl_->reading = true;
  impl_->read_one();
  impl_->thread = std::thread([this] { impl_->ioc.run(); });
}

std::optional<boost::json::value> WebSocketClient::next(std::chrono::milliseconds timeout) {
  std::unique_lock lock(impl_->mutex);
  impl_->arrived.wait_for(lock, timeout, [this] { return !impl_->messages.empty() || impl_->ended; });
  if (impl_->messages.empty()) return std::nullopt;
  auto message = std::move(impl_->messages.front());
  impl_->messages.pop_front();
  return message;
}

WebSocketClient::FrameCount WebSocketClient::frames() const {
  std::lock_guard lock(impl_->mutex);
  return {impl_->frames, impl_->batches};
}

std::optional<boost::json::value> WebSocketClient::next_of(std::string_view type, std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    auto message = next(left);
    if (!message) return std::nullopt;
    if (message->as_object().at("type").as_string() == type) return message;
  }
}

bool WebSocketClient::wait_closed(std::chrono::milliseconds timeout) {
  std::unique_lock lock(impl_->mutex);
  return impl_->arrived.wait_for(lock, timeout, [this] { return impl_->ended; });
}

int WebSocketClient::close_code() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->close_code;
}

void WebSocketClient::close() {
  if (!impl_) return;
  if (impl_->thread.joinable()) {
    net::post(impl_->ioc, [this] {
      beast::error_code ignored;
      impl_->ws.next_layer().shutdown(tcp::socket::shutdown_both, ignored);
      impl_->ws.next_layer().close(ignored);
    });
    impl_->thread.join();
  } else {
    beast::error_code ignored;
    impl_->ws.next_layer().close(ignored);
  }
}

}  // namespace sigap::testing
