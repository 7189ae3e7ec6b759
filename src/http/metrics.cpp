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
  out += "# HELP sigap_http_open_connections Client connections open now.\n";
  out += "# TYPE sigap_http_open_connections gauge\n";
  out += fmt::format("sigap_http_open_connections {}\n", open_connections_);
  out += "# HELP sigap_db_pool_connections Database connections in the pool (SQLite: readers).\n";
  out += "# TYPE sigap_db_pool_connections gauge\n";
  out += fmt::format("sigap_db_pool_connections{{backend=\"{}\"}} {}\n", backend, storage.reader_pool_size);
  out += "# HELP sigap_db_pool_in_use Database connections lent out now.\n";
  out += "# TYPE sigap_db_pool_in_use gauge\n";
  out += fmt::format("sigap_db_pool_in_use{{backend=\"{}\"}} {}\n", backend, storage.readers_in_use);
  out += "# HELP sigap_db_writer_queue_depth Transactions waiting for the SQLite writer.\n";
  out += "# TYPE sigap_db_writer_queue_depth gauge\n";
  out += fmt::format("sigap_db_writer_queue_depth{{backend=\"{}\"}} {}\n", backend, storage.writer_queue_depth);
  out += "# HELP sigap_db_commits_total Physical commits (SQLite groups several transactions in one).\n";
  out += "# TYPE sigap_db_commits_total counter\n";
  out += fmt::format("sigap_db_commits_total{{backend=\"{}\"}} {}\n", backend, storage.commits);
  out += "# HELP sigap_db_transactions_total Transactions committed.\n";
  out += "# TYPE sigap_db_transactions_total counter\n";
  out += fmt::format("sigap_db_transactions_total{{backend=\"{}\"}} {}\n", backend, storage.transactions);
  out += "# HELP sigap_build_info The running build.\n";
  out += "# TYPE sigap_build_info gauge\n";
  out += fmt::format("sigap_build_info{{version=\"{}\",build_type=\"{}\"}} 1\n", build_version(), build_type());
  return out;
}

}  // namespace sigap::http
