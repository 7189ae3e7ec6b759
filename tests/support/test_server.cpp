#include "support/test_server.hpp"

#include <stdexcept>

#include "app/master_data/demo_data.hpp"
#include "storage/open_storage.hpp"
#include "support/test_keys.hpp"

namespace sigap::testing {

std::unique_ptr<app::ports::Storage> open_sqlite(const TempDir& dir) {
  auto url = storage::parse_database_url("sqlite:" + (dir.path() / "sigap.db").string());
  auto opened = storage::open_storage(*url, {2, test_keyring()});
  if (!opened) throw std::runtime_error("cannot open SQLite: " + opened.error().message().en);
  return std::move(*opened);
}

TestServer::TestServer(TestServerOptions options) : storage_(open_sqlite(dir_)) {
  if (options.demo_data) {
    auto loaded = app::master_data::load_palembang_demo_data(*storage_);
    if (!loaded) throw std::runtime_error("demo data: " + loaded.error().message().en);
  }
  http::HttpServiceOptions service_options;
  service_options.server.host = "127.0.0.1";
  service_options.server.port = 0;
  service_options.server.io_threads = 2;
  service_options.server.worker_threads = 4;
  service_options.server.read_timeout = options.read_timeout;
  service_options.dispatcher.max_json_body = options.max_json_body;
  service_options.web_dir = options.web_dir;
  service_options.blob_dir = dir_.path() / "blobs";
  service_options.clock = options.clock;
  service_options.portal = options.portal;
  service_options.rate_limits = options.rate_limits;
  service_options.webhooks = options.webhooks;
  service_options.webhook_transport = options.webhook_transport;
  service_options.cameras = options.cameras;
  service_options.camera_fetcher = options.camera_fetcher;
  service_options.stream = options.stream;
  service_options.server.stream = options.stream_session;
  service_ = std::make_unique<http::HttpService>(*storage_, service_options);
  if (auto listening = service_->listen(); !listening) {
    throw std::runtime_error("listen: " + listening.error().message().en);
  }
  thread_ = std::thread([this] { service_->run(); });
}

TestServer::~TestServer() {
  service_->stop();
  if (thread_.joinable()) thread_.join();
}

std::filesystem::path TestServer::blob_dir() const { return dir_.path() / "blobs"; }

std::string TestServer::base_url() const { return "http://127.0.0.1:" + std::to_string(port()); }

}  // namespace sigap::testing
