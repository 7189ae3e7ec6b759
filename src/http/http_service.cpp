#include "http/http_service.hpp"

#include "app/sla/indonesia_calendar.hpp"
#include "common/logging.hpp"
#include "http/routes.hpp"
#include "media/media_photo_store.hpp"

namespace sigap::http {

namespace {

std::unique_ptr<app::ports::PhotoStore> open_photo_store(const std::filesystem::path& root) {
  if (root.empty()) return nullptr;
  auto store = media::MediaPhotoStore::open(root);
  if (!store) {
    logging::app().error("photo store at {}: {}", root.string(), store.error().log_detail());
    return nullptr;
  }
  return std::move(*store);
}

}  // namespace

HttpService::HttpService(app::ports::Storage& storage, HttpServiceOptions options)
    : clock_(options.clock ? *options.clock : system_clock_),
      authenticator_(std::make_unique<Authenticator>(storage, clock_, options.sessions)),
      gate_(std::make_unique<AccessGate>(*authenticator_, storage, clock_)),
      limiter_(std::make_unique<RateLimiter>(clock_, options.rate_limits)),
      sla_rules_(std::make_unique<app::sla::SlaRules>(storage, clock_, app::sla::indonesia_calendar(), options.sla)),
      intake_(std::make_unique<app::complaints::ComplaintIntake>(storage, clock_, *sla_rules_, options.intake)),
      photos_(open_photo_store(options.blob_dir)),
      camera_snapshots_(std::make_unique<app::cameras::CameraSnapshots>()),
      stream_hub_(std::make_unique<app::stream::StreamHub>(storage, clock_, options.stream)),
      handlers_(std::make_unique<Handlers>(storage, metrics_, clock_, options.sessions, *intake_, photos_.get(),
                                           *sla_rules_, options.portal, *limiter_, options.open311,
                                           options.webhooks, options.webhook_transport, options.cameras,
                                           options.camera_fetcher, *camera_snapshots_, *stream_hub_,
                                           options.stream_origins, photos_.get(), options.channels)) {
  std::unique_ptr<StaticFiles> static_files;
  std::error_code ec;
  if (!options.web_dir.empty() && std::filesystem::is_directory(options.web_dir, ec)) {
    static_files = std::make_unique<StaticFiles>(options.web_dir);
  } else if (!options.web_dir.empty()) {
    logging::app().warn("web front end not found at {}: serving the API only", options.web_dir.string());
  }
  dispatcher_ = std::make_unique<Dispatcher>(Router(make_routes(*handlers_)), std::move(static_files), metrics_,
                                             options.dispatcher, *gate_, *limiter_);
  server_ = std::make_unique<Server>(options.server, *dispatcher_, metrics_);
}

HttpService::~HttpService() {
  // The hub's thread first: it wakes sessions, which live on the server's io_context.
  stream_hub_->stop();
}

}  // namespace sigap::http
