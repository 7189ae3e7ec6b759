#include "http/stream_session.hpp"

#include <boost/beast/websocket.hpp>

#include "app/stream/stream_messages.hpp"
#include "common/logging.hpp"

namespace sigap::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using net::awaitable;
using net::use_awaitable;
constexpr auto kAsTuple = net::as_tuple(net::use_awaitable);

namespace {

using BeastRequest = bhttp::request<bhttp::string_body>;
// co_spawn wants a result it can default-construct.
using Messages = std::optional<Result<std::vector<app::stream::StreamMessage>>>;

// Frames a client may send (nothing is asked of it; a close frame or a note is small).
constexpr std::size_t kClientFrameLimit = 4096;
// Messages queued together go out as one frame (a JSON array) up to about this size: at 500
// events/s to 1,000 subscribers a frame per event was 500,000 writes a second.
constexpr std::size_t kBatchFrameBytes = 64 * 1024;

/// One connection. Everything but the wake callback runs on the connection's strand.
class StreamSession : public std::enable_shared_from_this<StreamSession> {
 public:
  StreamSession(beast::tcp_stream&& stream, BeastRequest&& request, std::shared_ptr<StreamGrant> grant,
                StreamSessionOptions options)
      : ws_(std::move(stream)),
        request_(std::move(request)),
        grant_(std::move(grant)),
        options_(options),
        signal_(ws_.get_executor()),
        watchdog_(ws_.get_executor()) {}

  // Only references as parameters of coroutines that are co_awaited: GCC 12 destroys a by-value
  // class parameter there twice.
  awaitable<void> run(net::thread_pool& workers, std::function<void()>& on_stop, const std::atomic<bool>& stopping) {
    auto self = shared_from_this();
    auto& socket = beast::get_lowest_layer(ws_).socket();
    beast::error_code ignored;
    socket.set_option(net::socket_base::send_buffer_size(static_cast<int>(options_.send_buffer)), ignored);
    // Small frames, each to go out at once (Nagle would hold one back for the previous ACK).
    socket.set_option(net::ip::tcp::no_delay(true), ignored);
    beast::get_lowest_layer(ws_).expires_never();  // the websocket's own timeouts from here
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = options_.handshake_timeout;
    timeouts.idle_timeout = options_.idle_timeout;
    timeouts.keep_alive_pings = true;
    ws_.set_option(timeouts);
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(bhttp::field::server, "sigap"); }));
    ws_.read_message_max(kClientFrameLimit);
    auto [accept_error] = co_await ws_.async_accept(request_, kAsTuple);
    if (accept_error) {
      logging::app().debug("stream: handshake failed: {}", accept_error.message());
      co_return;
    }
    ws_.text(true);

    std::weak_ptr<StreamSession> weak = self;
    on_stop = [weak] {
      if (auto session = weak.lock()) session->stop();
    };
    if (stopping) stopping_ = true;
    auto executor = ws_.get_executor();
    grant_->subscription().on_wake([weak, executor] {
      auto session = weak.lock();
      if (!session || session->wake_pending_.exchange(true)) return;
      net::post(executor, [session] {
        session->wake_pending_ = false;
        session->signal();
      });
    });
    net::co_spawn(executor, read_loop(self), net::detached);
    net::co_spawn(executor, watch(self), net::detached);

    co_await serve(workers);

    on_stop = nullptr;
    grant_->subscription().on_wake({});
    // A close frame was sent (or the client's answered): wait for the reader to see the end;
    // otherwise, or if that takes too long, drop the connection.
    if (!reading_done_ && !close_sent_) socket.close(ignored);
    while (!reading_done_) {
      if (!co_await wait_signal(options_.handshake_timeout)) socket.close(ignored);
    }
    finished_ = true;
    watchdog_.cancel();
  }

 private:
  void stop() {
    stopping_ = true;
    signal();
  }

  void signal() {
    signalled_ = true;
    signal_.cancel();
  }

  /// Until signal() (true) or `limit` passed (false).
  awaitable<bool> wait_signal(std::chrono::steady_clock::duration limit) {
    if (signalled_) {
      signalled_ = false;
      co_return true;
    }
    signal_.expires_after(limit);
    co_await signal_.async_wait(kAsTuple);
    bool woken = signalled_;
    signalled_ = false;
    co_return woken;
  }

  awaitable<bool> send(const app::stream::StreamMessage& message) { co_return co_await write(*message); }

  awaitable<bool> write(const std::string& text) {
    writing_ = true;
    auto [error, written] = co_await ws_.async_write(net::buffer(text), kAsTuple);
    writing_ = false;
    ++writes_;
    co_return !error;
  }

  /// `messages` in order, in as few frames as kBatchFrameBytes allows: a message alone as
  /// itself, several as an array (app::stream::batch_frame).
  awaitable<bool> send_all(const std::vector<app::stream::StreamMessage>& messages) {
    std::size_t at = 0;
    while (at < messages.size()) {
      std::size_t end = at + 1;
      std::size_t bytes = messages[at]->size() + 2;
      while (end < messages.size() && bytes + messages[end]->size() + 1 <= kBatchFrameBytes) {
        bytes += messages[end]->size() + 1;
        ++end;
      }
      if (end - at == 1) {
        if (!co_await send(messages[at])) co_return false;
      } else {
        app::stream::batch_frame(std::span(messages).subspan(at, end - at), frame_);
        if (!co_await write(frame_)) co_return false;
      }
      at = end;
    }
    co_return true;
  }

  awaitable<void> close(websocket::close_code code) {
    closing_ = true;
    close_sent_ = true;
    const websocket::close_reason reason(code);
    auto [error] = co_await ws_.async_close(reason, kAsTuple);
    if (error) close_sent_ = false;
  }

  awaitable<void> serve(net::thread_pool& workers) {
    auto& hub = grant_->hub();
    auto& subscription = grant_->subscription();
    // Named, never a temporary inside a co_await expression (GCC 12 destroys those twice).
    const auto hello = hub.hello(subscription);
    if (!co_await send(hello)) co_return;
    // A resuming client first gets what it missed, read page by page as it takes them.
    for (;;) {
      if (stopping_ || reading_done_ || subscription.resyncing()) break;
      auto page = co_await net::co_spawn(
          workers, [&]() -> awaitable<Messages> { co_return hub.backfill(subscription); }, use_awaitable);
      if (!page || !*page) {
        if (page) {
          logging::app().warn("stream: backfill failed: {} {}", page->error().message().en,
                              page->error().log_detail());
        }
        subscription.resync("unavailable");
        break;
      }
      if ((*page)->empty()) break;
      const auto& messages = **page;
      if (!co_await send_all(messages)) co_return;
    }
    // Then the live queue.
    for (;;) {
      signalled_ = false;
      auto taken = subscription.take();
      if (!co_await send_all(taken.messages)) co_return;
      if (!taken.resync_reason.empty()) {
        const auto resync = app::stream::resync_message(taken.resync_reason);
        if (!co_await send(resync)) co_return;
        co_await close(websocket::close_code::normal);
        co_return;
      }
      if (reading_done_) co_return;
      if (stopping_) {
        co_await close(websocket::close_code::going_away);
        co_return;
      }
      if (taken.messages.empty()) co_await wait_signal(std::chrono::hours(24));
    }
  }

  // The shared_ptr parameters keep the session alive while the coroutine runs.
  awaitable<void> read_loop(std::shared_ptr<StreamSession> /*self*/) {
    beast::flat_buffer buffer;
    for (;;) {
      auto [error, bytes] = co_await ws_.async_read(buffer, kAsTuple);
      if (error) break;
      buffer.consume(buffer.size());
    }
    reading_done_ = true;
    signal();
  }

  /// A client that must be told to resync, or to go away, but takes no data (a write or the
  /// closing handshake does not finish): dropped after stuck_write (1 s when the server stops)
  /// rather than held until the idle or handshake timeout.
  awaitable<void> watch(std::shared_ptr<StreamSession> /*self*/) {
    std::uint64_t seen = writes_;
    std::chrono::seconds stuck{0};
    while (!finished_) {
      watchdog_.expires_after(std::chrono::seconds(1));
      co_await watchdog_.async_wait(kAsTuple);
      if (finished_) break;
      const bool must_end = stopping_ || grant_->subscription().resyncing();
      const bool waiting = writing_ || (closing_ && !reading_done_);
      stuck = waiting && writes_ == seen && must_end ? stuck + std::chrono::seconds(1) : std::chrono::seconds(0);
      seen = writes_;
      const auto limit = stopping_ ? std::min(options_.stuck_write, std::chrono::seconds(1)) : options_.stuck_write;
      if (stuck >= limit) {
        logging::app().info("stream: a client that takes no data was disconnected");
        beast::error_code ignored;
        beast::get_lowest_layer(ws_).socket().close(ignored);
      }
    }
  }

  websocket::stream<beast::tcp_stream> ws_;
  BeastRequest request_;  // the handshake's
  std::shared_ptr<StreamGrant> grant_;
  StreamSessionOptions options_;
  std::string frame_;  // the batch being written; its capacity is reused
  net::steady_timer signal_;
  net::steady_timer watchdog_;
  std::atomic<bool> wake_pending_{false};
  bool signalled_ = false;
  bool stopping_ = false;
  bool reading_done_ = false;
  bool writing_ = false;
  bool closing_ = false;
  bool close_sent_ = false;
  bool finished_ = false;
  std::uint64_t writes_ = 0;
};

}  // namespace

awaitable<void> serve_stream(beast::tcp_stream& stream, BeastRequest& request, std::shared_ptr<StreamGrant>& grant,
                             net::thread_pool& workers, const StreamSessionOptions& options,
                             std::function<void()>& on_stop, const std::atomic<bool>& stopping) {
  auto session = std::make_shared<StreamSession>(std::move(stream), std::move(request), std::move(grant), options);
  co_await session->run(workers, on_stop, stopping);
}

}  // namespace sigap::http
