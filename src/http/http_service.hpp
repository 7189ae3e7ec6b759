#pragma once

#include <filesystem>
#include <memory>

#include "app/ports/storage.hpp"
#include "http/dispatcher.hpp"
#include "http/server.hpp"

namespace sigap::http {

struct HttpServiceOptions {
  ServerOptions server;
  DispatcherOptions dispatcher;
  std::filesystem::path web_dir;  // the built front end; empty or missing: API only
};

/// The whole HTTP side wired together: handlers over the storage, the route table, the
/// dispatcher, metrics and the server. What `sigap serve` runs and what integration tests start.
class HttpService {
 public:
  HttpService(app::ports::Storage& storage, HttpServiceOptions options);
  ~HttpService();

  Result<void> listen() { return server_->listen(); }
  [[nodiscard]] std::uint16_t port() const { return server_->port(); }
  void stop_on_signals() { server_->stop_on_signals(); }
  void run() { server_->run(); }
  void stop() { server_->stop(); }
  [[nodiscard]] const Router& router() const { return dispatcher_->router(); }

 private:
  HttpMetrics metrics_;
  std::unique_ptr<struct Handlers> handlers_;
  std::unique_ptr<Dispatcher> dispatcher_;
  std::unique_ptr<Server> server_;
};

}  // namespace sigap::http
