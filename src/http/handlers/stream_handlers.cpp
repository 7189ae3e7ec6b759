#include "http/handlers/stream_handlers.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "common/logging.hpp"
#include "http/problem_json.hpp"
#include "http/stream_grant.hpp"

namespace sigap::http::handlers {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether a comma-separated header value holds `token` (case-insensitive).
bool has_token(std::string_view value, std::string_view token) {
  auto list = lower(value);
  std::string_view rest = list;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    auto item = rest.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == token) return true;
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return false;
}

bool is_websocket_handshake(const Request& request) {
  auto upgrade = request.header("upgrade");
  auto connection = request.header("connection");
  return upgrade && has_token(*upgrade, "websocket") && connection && has_token(*connection, "upgrade") &&
         request.header("sec-websocket-key").has_value();
}

}  // namespace

std::string origin_of(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  auto scheme = lower(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return {};
  auto rest = url.substr(scheme_end + 3);
  auto authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.empty()) return {};
  return scheme + "://" + lower(authority);
}

bool StreamHandlers::origin_allowed(const Request& request) const {
  auto origin = request.header("origin");
  // Cross-site WebSocket hijacking needs a browser, and browsers always send Origin; a client
  // without one (a script with the cookie) is no page of another site.
  if (!origin) return true;
  auto given = lower(*origin);
  if (auto host = request.header("host")) {
    auto own_host = lower(*host);
    if (given == "http://" + own_host || given == "https://" + own_host) return true;
  }
  return std::find(allowed_origins_.begin(), allowed_origins_.end(), given) != allowed_origins_.end();
}

Response StreamHandlers::open(const Request& request) {
  if (!is_websocket_handshake(request)) {
    auto response = problem_response(
        426, Text{"Buka alamat ini sebagai WebSocket.", "Open this address as a WebSocket."}, request);
    response.set_header("Upgrade", "websocket");
    response.set_header("Connection", "Upgrade");
    return response;
  }
  if (!request.session_token.empty() && !origin_allowed(request)) {
    logging::app().warn("stream: refused a handshake with the session cookie from origin {}",
                        request.header("origin").value_or(""));
    return problem_response(403,
                            Text{"Halaman dari situs lain tidak boleh membuka aliran ini.",
                                 "A page of another site may not open this stream."},
                            request);
  }
  std::vector<FieldError> problems;
  for (const auto& [name, value] : request.query) {
    if (name != "scope" && name != "after") {
      problems.push_back({name, Text{"Parameter tidak dikenal.", "Unknown parameter."}});
    }
  }
  std::optional<std::int64_t> after;
  if (auto text = request.query_param("after")) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < 0) {
      problems.push_back({"after", Text{"Isi dengan nomor peristiwa terakhir yang diterima (bilangan bulat ≥ 0).",
                                        "Give the id of the last event received (a whole number ≥ 0)."}});
    } else {
      after = value;
    }
  }
  if (!problems.empty()) {
    return problem_response(
        Error(ErrorCode::validation, Text{"Parameter tidak valid.", "Invalid parameters."}, std::move(problems)),
        request);
  }
  auto filter = hub_.filter_for(request.actor, request.query_param("scope"));
  if (!filter) return problem_response(filter.error(), request);
  auto subscription = hub_.subscribe(std::move(*filter), after);
  if (!subscription) return problem_response(subscription.error(), request);
  Response response;
  response.status = 101;
  response.upgrade = std::make_shared<StreamGrant>(hub_, std::move(*subscription));
  return response;
}

}  // namespace sigap::http::handlers
