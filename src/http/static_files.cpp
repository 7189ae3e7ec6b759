#include "http/static_files.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

#include <fmt/format.h>

namespace sigap::http {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
    {".map", "application/json"},
    {".wasm", "application/wasm"},
    {".xml", "application/xml"},
    {".yaml", "application/yaml"},
}};

bool accepts_encoding(const Request& request, std::string_view encoding) {
  auto accepted = request.header("accept-encoding");
  if (!accepted) return false;
  std::string_view list = *accepted;
  while (!list.empty()) {
    auto comma = list.find(',');
    auto entry = list.substr(0, comma);
    list = comma == std::string_view::npos ? "" : list.substr(comma + 1);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    auto semicolon = entry.find(';');
    auto token = entry.substr(0, semicolon);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    if (token != encoding) continue;
    if (semicolon == std::string_view::npos) return true;
    auto q = entry.find("q=", semicolon);
    if (q == std::string_view::npos) return true;
    // "q=0", "q=0.0", "q=0.000" refuse the encoding; any other weight accepts it.
    auto weight = entry.substr(q + 2);
    return weight.find_first_not_of("0. ") != std::string_view::npos;
  }
  return false;
}

std::optional<std::string> read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match == "*") return true;
  return if_none_match.find(etag) != std::string_view::npos;
}

}  // namespace

std::string_view StaticFiles::content_type_for(const fs::path& file) {
  auto extension = file.extension().string();
  for (const auto& [known, type] : kTypes) {
    if (extension == known) return type;
  }
  return "application/octet-stream";
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  // The decoded path is relative to the root; any ".." or hidden segment is refused outright.
  fs::path relative;
  std::string_view path = request.path;
  while (!path.empty()) {
    auto slash = path.find('/');
    auto segment = path.substr(0, slash);
    path = slash == std::string_view::npos ? "" : path.substr(slash + 1);
    if (segment.empty()) continue;
    if (segment.starts_with('.') || segment.find('\\') != std::string_view::npos) return std::nullopt;
    relative /= std::string(segment);
  }
  std::error_code ec;
  fs::path file = root_ / relative;
  bool is_app_route = relative.empty() || !relative.has_extension();
  if (!fs::is_regular_file(file, ec)) {
    if (!is_app_route) return std::nullopt;  // a missing asset is a 404, not the app
    file = root_ / "index.html";
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
  }

  fs::path chosen = file;
  std::string encoding;
  for (auto [suffix, name] : {std::pair{".br", "br"}, std::pair{".gz", "gzip"}}) {
    fs::path twin = file;
    twin += suffix;
    if (accepts_encoding(request, name) && fs::is_regular_file(twin, ec)) {
      chosen = twin;
      encoding = name;
      break;
    }
  }
  auto size = fs::file_size(chosen, ec);
  auto modified = fs::last_write_time(chosen, ec).time_since_epoch().count();
  auto etag = fmt::format("\"{:x}-{:x}{}\"", size, modified, encoding.empty() ? "" : "-" + encoding);

  Response response;
  response.set_header("ETag", etag);
  response.set_header("Vary", "Accept-Encoding");
  // Only a real file under assets/ (names carry a content hash) may be cached for good; the
  // index.html a client route falls back to must be revalidated.
  bool hashed_asset = relative.string().starts_with("assets/") && file != root_ / "index.html";
  response.set_header("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  if (auto if_none_match = request.header("if-none-match"); if_none_match && etag_matches(*if_none_match, etag)) {
    response.status = 304;
    return response;
  }
  auto content = read_file(chosen);
  if (!content) return std::nullopt;
  response.set_header("Content-Type", std::string(content_type_for(file)));
  if (!encoding.empty()) response.set_header("Content-Encoding", encoding);
  response.body = std::move(*content);
  return response;
}

}  // namespace sigap::http
