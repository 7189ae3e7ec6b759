#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "app/ports/storage.hpp"

namespace sigap::http {

/// Request counters and latency histograms by route, method and status, rendered in the
/// Prometheus text exposition format. Thread-safe.
class HttpMetrics {
 public:
  static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

  void record(const std::string& route, const std::string& method, int status, std::chrono::nanoseconds duration);
  void connection_opened();
  void connection_closed();

  /// The whole /metrics page: HTTP series, the storage gauges, and build info.
  [[nodiscard]] std::string render(const app::ports::StorageStats& storage, std::string_view backend) const;

 private:
  struct Series {
    std::uint64_t count = 0;
    double sum_seconds = 0;
    std::array<std::uint64_t, kBuckets.size()> buckets{};
  };
  using Key = std::tuple<std::string, std::string, int>;  // route, method, status

  mutable std::mutex mutex_;
  std::map<Key, Series> series_;  // GUARDED_BY(mutex_)
  std::int64_t open_connections_ = 0;  // GUARDED_BY(mutex_)
};

}  // namespace sigap::http
