#pragma once

#include <filesystem>
#include <map>
#include <memory>

#include "app/cameras/camera_settings.hpp"
#include "app/cameras/camera_snapshots.hpp"
#include "app/complaints/submit_complaint.hpp"
#include "app/ports/camera_fetcher.hpp"
#include "app/identity/session_policy.hpp"
#include "app/ports/photo_store.hpp"
#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "app/stream/stream_hub.hpp"
#include "app/ports/webhook_transport.hpp"
#include "app/webhooks/webhook_settings.hpp"
#include "channels/channel_options.hpp"
#include "channels/open311/open311_settings.hpp"
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
  channels::open311::Open311Settings open311;  // the Open311 endpoint (docs/integration.md)
  app::webhooks::WebhookSettings webhooks;  // URL policy of subscriptions (docs/integration.md)
  /// Resolves a new subscription's host to refuse one that points at a private address; null:
  /// only IP literals are checked then (delivery checks every address anyway). Not owned.
  app::ports::WebhookTransport* webhook_transport = nullptr;
  app::cameras::CameraSettings cameras;  // camera URL policy (docs/command-center.md)
  /// Resolves a new camera URL's host to refuse one that points at a link-local or metadata
  /// address; null: only IP literals are checked then (every probe checks anyway). Not owned.
  app::ports::CameraFetcher* camera_fetcher = nullptr;
  /// The live stream GET /api/v1/stream (docs/command-center.md): queue limits and rhythms, and
  /// the origins besides the server's own whose pages may open it with the session cookie
  /// (the public_url's).
  app::stream::StreamSettings stream;
  std::vector<std::string> stream_origins;
  /// The messaging doors: WhatsApp, Telegram, SMS (docs/channels.md); closed by default.
  channels::ChannelOptions channels;
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
  /// The latest camera images the snapshot route serves; the camera probe (jobs/camera_probe)
  /// keeps them up to date.
  app::cameras::CameraSnapshots& camera_snapshots() { return *camera_snapshots_; }
  /// The intake, SLA rules and photo store the handlers use, for the doors that are not HTTP
  /// (the e-mail listener, docs/channels.md). The photo store is null when blob_dir was empty.
  app::complaints::ComplaintIntake& intake() { return *intake_; }
  app::sla::SlaRules& sla_rules() { return *sla_rules_; }
  app::ports::PhotoStore* photo_store() { return photos_.get(); }
  /// The fan-out of the live stream; the outbox dispatcher wakes it (StreamHub::wake) after
  /// each batch it numbers.
  app::stream::StreamHub& stream_hub() { return *stream_hub_; }

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
  std::unique_ptr<app::cameras::CameraSnapshots> camera_snapshots_;
  std::unique_ptr<app::stream::StreamHub> stream_hub_;  // before server_: outlives the sessions
  std::unique_ptr<struct Handlers> handlers_;
  std::unique_ptr<Dispatcher> dispatcher_;
  std::unique_ptr<Server> server_;
};

}  // namespace sigap::http
