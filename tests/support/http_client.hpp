#pragma once

#include <map>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

namespace sigap::testing {

struct HttpResult {
  long status = 0;
  std::map<std::string, std::string> headers;  // lower-case names, last value wins
  std::string body;
  std::string error;  // libcurl's error when no response came

  [[nodiscard]] std::string header(const std::string& name) const;
  /// The body parsed as JSON (throws on malformed JSON, which fails the test).
  [[nodiscard]] boost::json::value json() const;
};

/// A blocking HTTP/1.1 client over libcurl. Reuses its connection (keep-alive) between calls.
/// Not thread-safe: one per thread.
class HttpClient {
 public:
  /// `source_address`: the local address to connect from (e.g. "127.0.0.2", another client
  /// on loopback); empty lets the system choose.
  explicit HttpClient(std::string base_url, std::string source_address = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult request(const std::string& method, const std::string& path, const std::string& body = {},
                     const std::vector<std::string>& headers = {});
  HttpResult get(const std::string& path, const std::vector<std::string>& headers = {}) {
    return request("GET", path, {}, headers);
  }
  HttpResult post_json(const std::string& path, const std::string& body) {
    return request("POST", path, body, {"Content-Type: application/json"});
  }

 private:
  std::string base_url_;
  std::string source_address_;
  void* curl_;
};

}  // namespace sigap::testing
