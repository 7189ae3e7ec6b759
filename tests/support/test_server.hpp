#pragma once

#include <memory>
#include <string>
#include <thread>

#include "app/ports/storage.hpp"
#include "http/http_service.hpp"
#include "support/temp_dir.hpp"

namespace sigap::testing {

struct TestServerOptions {
  bool demo_data = true;
  std::size_t max_json_body = 1024 * 1024;
  std::filesystem::path web_dir;  // empty: API only
  std::chrono::seconds read_timeout{30};
  const Clock* clock = nullptr;  // null: the system clock
  /// Rate limits; tests that sign in many times from 127.0.0.1 raise the login budget.
  std::map<http::RateBudget, http::BucketPolicy> rate_limits = http::RateLimiter::defaults();
  http::handlers::PortalSettings portal;  // the citizen portal's map (none by default)
  app::webhooks::WebhookSettings webhooks;             // URL policy of subscriptions
  app::ports::WebhookTransport* webhook_transport = nullptr;  // not owned; null: no DNS check
  app::cameras::CameraSettings cameras;                       // camera URL policy (allow 127.0.0.1 for TestCamera)
  app::ports::CameraFetcher* camera_fetcher = nullptr;        // not owned; null: no DNS check
  app::stream::StreamSettings stream;                         // the live stream's limits and rhythms
  http::StreamSessionOptions stream_session;                  // its WebSocket connections
};

/// The real HTTP service on 127.0.0.1, a free port, over a real SQLite file in a temp dir,
/// optionally loaded with the Palembang demo data. Runs on its own threads; stops (gracefully)
/// when destroyed.
class TestServer {
 public:
  explicit TestServer(TestServerOptions options = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  [[nodiscard]] std::string base_url() const;
  /// Where photos are stored.
  [[nodiscard]] std::filesystem::path blob_dir() const;
  [[nodiscard]] std::uint16_t port() const { return service_->port(); }
  app::ports::Storage& storage() { return *storage_; }
  http::HttpService& service() { return *service_; }

 private:
  TempDir dir_;
  std::unique_ptr<app::ports::Storage> storage_;
  std::unique_ptr<http::HttpService> service_;
  std::thread thread_;
};

/// A Storage over a fresh SQLite file inside `dir`.
std::unique_ptr<app::ports::Storage> open_sqlite(const TempDir& dir);

}  // namespace sigap::testing
