#pragma once

#include <filesystem>
#include <map>
#include <memory>

#include "app/complaints/submit_complaint.hpp"
#include "app/identity/session_policy.hpp"
#include "app/ports/photo_store.hpp"
#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "http/dispatcher.hpp"
#include "http/handlers/portal_handlers.hpp"
#include "http/server.hpp"

namespace sigap::http {

struct HttpServiceOptions {
  ServerOptions server;
  DispatcherOptions dispatcher;
  std::filesystem::path web_dir;  // the built front end; empty or missing: API only
  app::identity::SessionPolicy sessions;
  const Clock* clock = nullptr;   // null: the system clock (tests pass a fake one)
  std::map<RateBudget, BucketPolicy> rate_limits = RateLimiter::defaults();
  app::complaints::IntakeSettings intake;
  app::sla::SlaSettings sla;
  std::filesystem::path blob_dir;  // photos; empty: intake refuses photos
  handlers::PortalSettings portal;  // the citizen portal's map
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
  SystemClock system_clock_;
  const Clock& clock_;
  HttpMetrics metrics_;
  std::unique_ptr<Authenticator> authenticator_;
  std::unique_ptr<AccessGate> gate_;
  std::unique_ptr<RateLimiter> limiter_;
  std::unique_ptr<app::sla::SlaRules> sla_rules_;
  std::unique_ptr<app::complaints::ComplaintIntake> intake_;
  std::unique_ptr<app::ports::PhotoStore> photos_;
  std::unique_ptr<struct Handlers> handlers_;
  std::unique_ptr<Dispatcher> dispatcher_;
  std::unique_ptr<Server> server_;
};

}  // namespace sigap::http
