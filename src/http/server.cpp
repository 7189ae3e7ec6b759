#include "http/server.hpp"

#include <atomic>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "common/logging.hpp"
#include "http/pch.hpp"
#include <boost/beast/websocket/rfc6455.hpp>
#include "http/problem_json.hpp"
#include "http/security_headers.hpp"
#include "http/stream_session.hpp"

namespace sigap::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;
using net::awaitable;
using net::use_awaitable;
constexpr auto kAsTuple = net::as_tuple(net::use_awaitable);

namespace {

// Bodies of routes that take none are still read up to this size, so a stray body gets the
// router's 404/405/400 rather than a 413.
constexpr std::size_t kSmallBodyLimit = 64 * 1024;

using BeastRequest = bhttp::request<bhttp::string_body>;

// Named constants, never temporaries, inside a co_await expression: GCC 12 destroys an aggregate
// temporary there twice (a double free on every 431).
const Text kHeadersTooLarge{"Header permintaan terlalu besar.", "The request headers are too large."};
const Text kMalformedRequest{"Permintaan HTTP tidak dapat dibaca.", "The HTTP request is malformed."};
const Text kStopping{"Server sedang berhenti.", "The server is stopping."};
const Text kWebSocketOnly{"Buka alamat ini sebagai WebSocket.", "Open this address as a WebSocket."};
const Text kBodyTimeout{"Isi permintaan tidak selesai dikirim tepat waktu.",
                        "The request body did not arrive in time."};

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A request as far as it could be read, for an error answer before routing.
Request partial_request(const BeastRequest& beast_request) {
  Request request;
  request.method = std::string(beast_request.method_string());
  request.target = std::string(beast_request.target());
  request.path = request.target.substr(0, request.target.find('?'));
  for (const auto& field : beast_request) {
    request.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
  }
  request.request_id = request_id_for(request);
  request.language = language_from_accept(request.header("accept-language").value_or(""));
  return request;
}

bhttp::response<bhttp::string_body> to_beast(Response response, unsigned version, bool keep_alive, bool head) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
  out.set(bhttp::field::server, "sigap");
  for (auto& [name, value] : response.headers) out.set(name, value);
  auto length = response.body.size();
  out.body() = head ? std::string() : std::move(response.body);
  out.keep_alive(keep_alive);
  if (response.status != 304 && response.status >= 200) out.content_length(length);
  return out;
}

}  // namespace

/// Book-keeping of one open connection, so stop() can close the idle ones.
struct ConnectionState {
  beast::tcp_stream* stream = nullptr;  // touched only on the connection's strand
  bool idle = true;                     // waiting for a request (on the strand)
  std::function<void()> on_stop;        // an upgraded stream's graceful stop (on the strand)
};

class Server::Impl {
 public:
  Impl(ServerOptions options, const Dispatcher& dispatcher, HttpMetrics& metrics)
      : options_(std::move(options)),
        dispatcher_(dispatcher),
        metrics_(metrics),
        accept_strand_(net::make_strand(ioc_)),
        acceptor_(accept_strand_),
        signals_(ioc_),
        grace_timer_(accept_strand_),
        workers_(worker_count()),
        writers_(writer_count()) {}

  ~Impl() {
    workers_.stop();
    writers_.stop();
    workers_.join();
    writers_.join();
  }

  Result<void> listen() {
    beast::error_code ec;
    auto address = net::ip::make_address(options_.host, ec);
    if (ec) return bind_error("alamat tidak valid", "invalid address", ec);
    tcp::endpoint endpoint(address, options_.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) return bind_error("tidak dapat mendengarkan", "cannot listen", ec);
    port_ = acceptor_.local_endpoint().port();
    net::co_spawn(accept_strand_, accept_loop(), net::detached);
    return {};
  }

  std::uint16_t port() const { return port_; }

  void stop_on_signals() {
    signals_.add(SIGTERM);
    signals_.add(SIGINT);
    signals_.async_wait([this](beast::error_code ec, int signal) {
      if (ec) return;
      logging::app().info("signal {} received: stopping gracefully", signal);
      stop();
    });
  }

  void run() {
    std::size_t threads = options_.io_threads ? options_.io_threads : std::max(1U, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < threads; ++i) pool.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& thread : pool) thread.join();
    // Stopped before every pending response was resumed (the grace ran out): the work still
    // posts to ioc_, which must outlive it.
    std::unique_lock lock(mutex_);
    resumed_.wait(lock, [&] { return awaiting_ == 0; });
  }

  void stop() {
    net::post(accept_strand_, [this] {
      if (stopping_.exchange(true)) return;
      beast::error_code ignored;
      acceptor_.close(ignored);
      signals_.cancel(ignored);
      grace_timer_.expires_after(options_.shutdown_grace);
      grace_timer_.async_wait([this](beast::error_code ec) {
        if (ec) return;  // every connection closed in time
        logging::app().warn("shutdown grace of {} s ran out; closing the remaining connections",
                            options_.shutdown_grace.count());
        ioc_.stop();
      });
      std::lock_guard lock(mutex_);
      for (const auto& [state, executor] : connections_) {
        net::post(executor, [state = state] {
          if (state->on_stop) {
            state->on_stop();
          } else if (state->idle && state->stream) {
            state->stream->cancel();
          }
        });
      }
      if (connections_.empty()) grace_timer_.cancel();
    });
  }

 private:
  using Strand = net::strand<net::io_context::executor_type>;

  std::size_t worker_count() const {
    if (options_.worker_threads) return options_.worker_threads;
    return 4 * std::max(1U, std::thread::hardware_concurrency());
  }

  std::size_t writer_count() const {
    if (options_.writer_threads) return options_.writer_threads;
    return 32 * std::max(1U, std::thread::hardware_concurrency());
  }

  Error bind_error(std::string_view what_id, std::string_view what_en, const beast::error_code& ec) const {
    return Error(ErrorCode::unavailable,
                 Text{fmt::format("{} {}:{}: {}", what_id, options_.host, options_.port, ec.message()),
                      fmt::format("{} on {}:{}: {}", what_en, options_.host, options_.port, ec.message())});
  }

  awaitable<void> accept_loop() {
    for (;;) {
      auto strand = net::make_strand(ioc_);
      auto [ec, socket] = co_await acceptor_.async_accept(strand, kAsTuple);
      if (ec) {
        if (ec == net::error::operation_aborted || stopping_) co_return;
        logging::app().warn("accept failed: {}", ec.message());
        continue;
      }
      if (stopping_) co_return;
      auto state = std::make_shared<ConnectionState>();
      {
        std::lock_guard lock(mutex_);
        connections_.emplace_back(state, strand);
      }
      metrics_.connection_opened();
      net::co_spawn(strand, session(std::move(socket), state), [this, state](std::exception_ptr) { forget(state); });
    }
  }

  void forget(const std::shared_ptr<ConnectionState>& state) {
    metrics_.connection_closed();
    std::lock_guard lock(mutex_);
    for (auto it = connections_.begin(); it != connections_.end(); ++it) {
      if (it->first == state) {
        connections_.erase(it);
        break;
      }
    }
    if (stopping_ && connections_.empty()) {
      net::post(accept_strand_, [this] { grace_timer_.cancel(); });
    }
  }

  awaitable<void> write_problem(beast::tcp_stream& stream, const BeastRequest& header_only, int status,
                                const Text& detail) {
    auto request = partial_request(header_only);
    auto response = problem_response(status, detail, request);
    response.set_header("X-Request-Id", request.request_id);
    add_security_headers(response);
    logging::RequestScope scope(request.request_id);
    logging::app().info("refused {} {}: {}", request.method, request.path, status);
    auto out = to_beast(std::move(response), header_only.version() ? header_only.version() : 11, false, false);
    stream.expires_after(options_.read_timeout);
    co_await bhttp::async_write(stream, out, kAsTuple);
  }

  awaitable<void> session(tcp::socket socket, std::shared_ptr<ConnectionState> state) {
    beast::tcp_stream stream(std::move(socket));
    state->stream = &stream;
    // Each answer leaves in one write; never hold its last segment back for an ACK (Nagle).
    beast::error_code no_delay_error;
    stream.socket().set_option(tcp::no_delay(true), no_delay_error);
    beast::error_code endpoint_error;
    auto remote = stream.socket().remote_endpoint(endpoint_error);
    std::string remote_address = endpoint_error ? std::string() : remote.address().to_string();
    beast::flat_buffer buffer;
    bool first = true;

    while (!stopping_) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
      // Beast's parser checks its own body limit (1 MB for requests) against Content-Length as
      // soon as the header is read; the route decides the real limit just below.
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      stream.expires_after(first ? options_.read_timeout : options_.idle_timeout);
      first = false;
      state->idle = true;
      auto [header_error, header_bytes] = co_await bhttp::async_read_header(stream, buffer, parser, kAsTuple);
      state->idle = false;
      if (header_error) {
        if (header_error == bhttp::error::header_limit) {
          co_await write_problem(stream, parser.get(), 431, kHeadersTooLarge);
        } else if (header_error != bhttp::error::end_of_stream && header_error != net::error::operation_aborted &&
                   header_error != beast::error::timeout && header_error != net::error::eof &&
                   header_error != net::error::connection_reset && header_bytes > 0) {
          co_await write_problem(stream, parser.get(), 400, kMalformedRequest);
        }
        break;
      }

      auto& header = parser.get();
      auto limit = dispatcher_.body_limit_for(header.method_string(), header.target());
      parser.body_limit(limit ? limit : kSmallBodyLimit);
      if (auto length = parser.content_length(); length && *length > (limit ? limit : kSmallBodyLimit)) {
        co_await write_problem(stream, header, 413, too_large(limit ? limit : kSmallBodyLimit));
        break;
      }
      if (!parser.is_done()) {
        if (bhttp::token_list(header[bhttp::field::expect]).exists("100-continue")) {
          bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, header.version()};
          co_await bhttp::async_write(stream, go_on, kAsTuple);
        }
        stream.expires_after(options_.read_timeout);
        auto [body_error, body_bytes] = co_await bhttp::async_read(stream, buffer, parser, kAsTuple);
        if (body_error == bhttp::error::body_limit) {
          co_await write_problem(stream, header, 413, too_large(limit ? limit : kSmallBodyLimit));
          break;
        }
        if (body_error == beast::error::timeout) {
          co_await write_problem(stream, header, 408, kBodyTimeout);
          break;
        }
        if (body_error) break;
      }

      auto beast_request = parser.release();
      Request request = partial_request(beast_request);
      request.remote_address = remote_address;
      request.body = std::move(beast_request.body());
      request.headers.clear();
      for (const auto& field : beast_request) {
        request.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
      }
      auto question = request.target.find('?');
      auto decoded = decode_path(std::string_view(request.target).substr(0, question));
      Response response;
      if (!decoded || !request.target.starts_with('/')) {
        response = problem_response(400, Text{"Alamat permintaan tidak valid.", "The request target is invalid."},
                                    request);
        response.close = true;
      } else {
        request.path = std::move(*decoded);
        if (question != std::string::npos) request.query = parse_query(request.target.substr(question + 1));
        // Writes wait on the database writer most of their time; their own, larger pool lets
        // more of them join one group commit without crowding the reads out of the workers.
        // (No co_await inside a conditional expression: GCC 12 miscompiles it.)
        auto& pool = request.method == "GET" || request.method == "HEAD" ? workers_ : writers_;
        if (dispatcher_.answers_inline(request)) {
          response = dispatcher_.dispatch(request);
        } else {
          response = co_await net::co_spawn(
              pool, [&]() -> awaitable<Response> { co_return dispatcher_.dispatch(request); }, use_awaitable);
        }
        while (response.pending) {
          auto pending = std::move(response.pending);
          response = co_await await_pending(std::move(pending));
        }
      }
      if (response.upgrade) {
        // GET /api/v1/stream said yes (docs/command-center.md): the connection becomes the stream.
        if (response.status == 101 && beast::websocket::is_upgrade(beast_request) && !stopping_) {
          state->stream = nullptr;
          state->idle = false;
          co_await serve_stream(stream, beast_request, response.upgrade, workers_, options_.stream, state->on_stop,
                                stopping_);
          co_return;
        }
        response = problem_response(stopping_ ? 503 : 426,
                                    stopping_ ? kStopping : kWebSocketOnly, request);
        response.close = true;
      }
      bool keep_alive = beast_request.keep_alive() && !response.close && !stopping_;
      auto out = to_beast(std::move(response), beast_request.version(), keep_alive,
                          beast_request.method() == bhttp::verb::head);
      stream.expires_after(options_.read_timeout);
      auto [write_error, written] = co_await bhttp::async_write(stream, out, kAsTuple);
      if (write_error || !keep_alive) break;
    }
    state->stream = nullptr;
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
  }

  // A pending response (message.hpp): the session waits without holding a thread until the
  // work resumes it, then runs `finish` on its own strand. A work guard keeps ioc_ running
  // meanwhile, and run() returns only once every wait has been resumed.
  awaitable<Response> await_pending(std::shared_ptr<PendingResponse> pending) {
    auto finish = co_await net::async_initiate<const net::use_awaitable_t<>&, void(PendingResponse::Finish)>(
        [this, &pending](auto handler) {
          auto waiting = std::make_shared<decltype(handler)>(std::move(handler));
          auto guard = std::make_shared<net::executor_work_guard<net::io_context::executor_type>>(ioc_.get_executor());
          {
            std::lock_guard lock(mutex_);
            ++awaiting_;
          }
          pending->start([this, waiting, guard](PendingResponse::Finish finish) {
            auto executor = net::get_associated_executor(*waiting);
            net::post(executor, [waiting, finish = std::move(finish)]() mutable {
              std::move(*waiting)(std::move(finish));
            });
            guard->reset();
            std::lock_guard lock(mutex_);
            if (--awaiting_ == 0) resumed_.notify_all();
          });
        },
        use_awaitable);
    co_return finish();
  }

  static Text too_large(std::size_t limit) {
    return Text{fmt::format("Isi permintaan melebihi batas {} byte.", limit),
                fmt::format("The request body exceeds the limit of {} bytes.", limit)};
  }

  ServerOptions options_;
  const Dispatcher& dispatcher_;
  HttpMetrics& metrics_;
  net::io_context ioc_;
  Strand accept_strand_;
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer grace_timer_;
  net::thread_pool workers_;
  net::thread_pool writers_;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<std::pair<std::shared_ptr<ConnectionState>, Strand>> connections_;  // GUARDED_BY(mutex_)
  std::size_t awaiting_ = 0;  // GUARDED_BY(mutex_): pending responses not resumed yet
  std::condition_variable resumed_;
};

Server::Server(ServerOptions options, const Dispatcher& dispatcher, HttpMetrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher, metrics)) {}
Server::~Server() = default;
Result<void> Server::listen() { return impl_->listen(); }
std::uint16_t Server::port() const { return impl_->port(); }
void Server::stop_on_signals() { impl_->stop_on_signals(); }
void Server::run() { impl_->run(); }
void Server::stop() { impl_->stop(); }

}  // namespace sigap::http
