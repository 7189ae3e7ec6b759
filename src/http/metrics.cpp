#include "http/metrics.hpp"

#include <fmt/format.h>

#include "common/build_info.hpp"

namespace sigap::http {

namespace {

// Label values escape backslash, quote and newline.
std::string label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void HttpMetrics::record(const std::string& route, const std::string& method, int status,
                         std::chrono::nanoseconds duration) {
  double seconds = std::chrono::duration<double>(duration).count();
  std::lock_guard lock(mutex_);
  auto& series = series_[Key{route, method, status}];
  ++series.count;
  series.sum_seconds += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++series.buckets[i];
  }
}

void HttpMetrics::connection_opened() {
  std::lock_guard lock(mutex_);
  ++open_connections_;
}

void HttpMetrics::connection_closed() {
  std::lock_guard lock(mutex_);
  --open_connections_;
}

std::string HttpMetrics::render(const app::ports::StorageStats& storage, std::string_view backend) const {
  std::string out;
  out += "# HELP sigap_http_requests_total HTTP requests answered, by route, method and status.\n";
  out += "# TYPE sigap_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, series] : series_) {
    const auto& [route, method, status] = key;
    out += fmt::format("sigap_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", label(route),
                       label(method), status, series.count);
  }
  out += "# HELP sigap_http_request_duration_seconds Time from a complete request to its response.\n";
  out += "# TYPE sigap_http_request_duration_seconds histogram\n";
  for (const auto& [key, series] : series_) {
    const auto& [route, method, status] = key;
    auto labels = fmt::format("route=\"{}\",method=\"{}\",status=\"{}\"", label(route), label(method), status);
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format("sigap_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels, kBuckets[i],
                         series.buckets[i]);
    }
    out += fmt::format("sigap_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels, series.count);
    out += fmt::format("sigap_http_request_duration_seconds_sum{{{}}} {}\n", labels, series.sum_seconds);
    out += fmt::format("sigap_http_request_duration_seconds_count{{{}}} {}\n", labels, series.count);
  }
  auto metric = [&out](std::string_view name, std::string_view type, std::string_view help, std::string_view labels,
                       auto value) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n{}{} {}\n", name, help, name, type, name, labels, value);
  };
  auto db = fmt::format("{{backend=\"{}\"}}", label(backend));
  metric("sigap_http_open_connections", "gauge", "Client connections open now.", "", open_connections_);
  metric("sigap_db_pool_connections", "gauge", "Database connections in the pool (SQLite: readers).", db,
         storage.reader_pool_size);
  metric("sigap_db_pool_in_use", "gauge", "Database connections lent out now.", db, storage.readers_in_use);
  metric("sigap_db_writer_queue_depth", "gauge", "Transactions waiting for the SQLite writer.", db,
         storage.writer_queue_depth);
  metric("sigap_db_commits_total", "counter", "Physical commits (SQLite groups several transactions in one).", db,
         storage.commits);
  metric("sigap_db_transactions_total", "counter", "Transactions committed.", db, storage.transactions);
  metric("sigap_db_memory_bytes", "gauge", "Memory the SQLite library holds now, mostly page cache (0 on PostgreSQL).", db,
         storage.memory_bytes);
  metric("sigap_build_info", "gauge", "The running build.",
         fmt::format("{{version=\"{}\",build_type=\"{}\"}}", build_version(), build_type()), 1);
  return out;
}

}  // namespace sigap::http
