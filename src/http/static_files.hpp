#pragma once

#include <filesystem>
#include <optional>

#include "http/message.hpp"

namespace sigap::http {

/// Serves the built web front end (web/dist): the right Content-Type, an ETag answered with 304
/// on If-None-Match, the precompressed .br or .gz twin when the client accepts it, and
/// index.html for any path without a file extension so client-side routes load the app.
/// Never serves outside its root. Thread-safe (reads the file system only).
class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

  /// nullopt when there is nothing to serve (no such file and no index.html).
  [[nodiscard]] std::optional<Response> serve(const Request& request) const;

  /// "text/html; charset=utf-8" for ".html", ... ; "application/octet-stream" when unknown.
  static std::string_view content_type_for(const std::filesystem::path& file);

 private:
  std::filesystem::path root_;
};

}  // namespace sigap::http
