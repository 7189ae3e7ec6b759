#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/text.hpp"
#include "domain/access/access.hpp"

namespace sigap::http {

/// A parsed HTTP request as handlers see it: no Beast types, so handlers, the router and their
/// tests build without Asio. Header names are lower case.
struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: "/api/v1/regions?parent=16.71"
  std::string path;    // percent-decoded path: "/api/v1/regions"
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote_address;

  // Filled by the dispatcher.
  std::string request_id;
  Language language = Language::id;
  std::map<std::string, std::string, std::less<>> path_params;
  domain::access::Actor actor;  // anonymous unless a session or API key proved otherwise
  std::string session_token;    // the cookie's token, when signed in by cookie

  /// The first header of that (lower-case) name.
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
  /// The first query parameter of that name.
  [[nodiscard]] std::optional<std::string_view> query_param(std::string_view name) const;
  [[nodiscard]] std::string_view path_param(std::string_view name) const;
};

class StreamGrant;  // http/stream_grant.hpp
struct PendingResponse;

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// Close the connection after this response (set for errors that leave the stream unusable).
  bool close = false;
  /// Set (with status 101) by the one handler that accepts a WebSocket upgrade, GET
  /// /api/v1/stream: the subscription the server hands the upgraded connection to.
  std::shared_ptr<StreamGrant> upgrade;
  /// Set instead of an answer by a handler that waits on work done elsewhere (a write queued
  /// for the database writer) without holding a thread meanwhile; see PendingResponse.
  std::shared_ptr<PendingResponse> pending;

  void set_header(std::string name, std::string value);
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
};

/// The answer to come of a handler that queued its work (POST /api/v1/complaints on SQLite,
/// docs/storage.md). The server calls `start` once, on the connection's thread, with `resume`;
/// the work calls `resume` once, from whatever thread it ends on, with `finish`; the server then
/// runs `finish` on the connection's thread and sends what it returns, which may itself be
/// pending again (a write tried again). `resume` must be quick: it only hands `finish` over.
struct PendingResponse {
  using Finish = std::function<Response()>;
  using Resume = std::function<void(Finish)>;
  std::function<void(Resume)> start;
};

/// A 200 (or `status`) response with a JSON body.
Response json_response(std::string body, int status = 200);

/// Splits "a=1&b=x%20y" into decoded pairs ('+' is a space). Invalid escapes stay literal.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);
/// Percent-decodes a path; nullopt for a malformed escape or an encoded NUL.
std::optional<std::string> decode_path(std::string_view path);

}  // namespace sigap::http
