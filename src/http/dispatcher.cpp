#include "http/dispatcher.hpp"

#include <cctype>
#include <chrono>
#include <random>

#include <fmt/format.h>

#include "common/logging.hpp"
#include "app/audit/record_audit.hpp"
#include "http/multipart.hpp"
#include "http/problem_json.hpp"
#include "http/security_headers.hpp"

namespace sigap::http {

namespace {

bool is_json_media_type(std::string_view content_type) {
  auto semicolon = content_type.find(';');
  auto media = content_type.substr(0, semicolon);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  std::string lower;
  for (char c : media) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "application/json";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

}  // namespace

std::string request_id_for(const Request& request) {
  if (auto given = request.header("x-request-id"); given && !given->empty() && given->size() <= 64) {
    bool clean = true;
    for (char c : *given) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') clean = false;
    }
    if (clean) return std::string(*given);
  }
  thread_local std::mt19937_64 random{std::random_device{}()};
  return fmt::format("{:016x}", random());
}

Dispatcher::Dispatcher(Router router, std::unique_ptr<StaticFiles> static_files, HttpMetrics& metrics,
                       DispatcherOptions options, const AccessGate& gate, RateLimiter& limiter)
    : router_(std::move(router)),
      static_files_(std::move(static_files)),
      metrics_(metrics),
      options_(options),
      gate_(gate),
      limiter_(limiter) {}

std::size_t Dispatcher::body_limit_for(std::string_view method, std::string_view path) const {
  auto decoded = decode_path(path.substr(0, path.find('?')));
  if (!decoded) return 0;
  auto match = router_.match(method, *decoded);
  if (!match.route || match.route->body == BodyKind::none) return 0;
  return match.route->max_body ? match.route->max_body : options_.max_json_body;
}

bool Dispatcher::answers_inline(const Request& request) const {
  if (request.header("cookie") || request.header("authorization")) return false;
  auto content_type = request.header("content-type");
  if (!content_type || !is_json_media_type(*content_type)) return false;
  auto match = router_.match(request.method, request.path);
  return match.route && match.route->answers_inline;
}

Response Dispatcher::route(Request& request, std::string& route_name) const {
  auto match = router_.match(request.method, request.path);
  if (!match.route) {
    if (!match.allowed_methods.empty()) {
      route_name = "method_not_allowed";
      auto response = problem_response(
          405,
          Text{fmt::format("Metode {} tidak didukung di sini. Gunakan: {}.", request.method, join(match.allowed_methods)),
               fmt::format("{} is not supported here. Use: {}.", request.method, join(match.allowed_methods))},
          request);
      response.set_header("Allow", join(match.allowed_methods));
      return response;
    }
    bool api_path = request.path == "/api" || request.path.starts_with("/api/") || request.path.starts_with("/open311/");
    if (!api_path && static_files_ && (request.method == "GET" || request.method == "HEAD")) {
      route_name = "static";
      if (auto file = static_files_->serve(request)) return std::move(*file);
    }
    route_name = "not_found";
    return problem_response(404,
                            Text{fmt::format("Tidak ada apa pun di {}.", request.path),
                                 fmt::format("Nothing is at {}.", request.path)},
                            request);
  }
  const auto& route = *match.route;
  route_name = route.pattern;
  request.path_params = std::move(match.params);
  if (route.budget) {
    auto verdict = limiter_.take(*route.budget, "ip:" + request.remote_address);
    if (!verdict.allowed) return too_many_requests(request, verdict.retry_after);
  }
  if (auto refused = gate_.check(request, route)) return std::move(*refused);
  if (!route.budget && request.actor.signed_in()) {
    auto verdict = limiter_.take(RateBudget::api, app::audit::audit_name(request.actor));
    if (!verdict.allowed) return too_many_requests(request, verdict.retry_after);
  }
  if (route.body == BodyKind::json || route.body == BodyKind::json_or_multipart) {
    auto content_type = request.header("content-type");
    bool multipart_allowed = route.body == BodyKind::json_or_multipart && content_type &&
                             multipart_boundary(*content_type).has_value();
    if (!multipart_allowed && (!content_type || !is_json_media_type(*content_type))) {
      return problem_response(415,
                              Text{"Kirim isi permintaan sebagai application/json.",
                                   "Send the request body as application/json."},
                              request);
    }
  } else if (route.body == BodyKind::none && !request.body.empty()) {
    return problem_response(400, Text{"Permintaan ini tidak menerima isi.", "This request takes no body."}, request);
  }  // BodyKind::form: the handler checks the type and parses the form (it answers in its own format)
  return route.handler(request);
}

namespace {

Response guarded(const Request& request, const std::function<Response()>& answer) {
  try {
    return answer();
  } catch (const std::exception& e) {
    logging::app().error("handler for {} {} threw: {}", request.method, request.path, e.what());
    return problem_response(Error::internal(e.what()), request);
  } catch (...) {
    logging::app().error("handler for {} {} threw a non-standard exception", request.method, request.path);
    return problem_response(Error::internal("unknown exception"), request);
  }
}

}  // namespace

Response Dispatcher::dispatch(Request& request) const {
  auto started = std::chrono::steady_clock::now();
  request.request_id = request_id_for(request);
  request.language = language_from_accept(request.header("accept-language").value_or(""));
  logging::RequestScope scope(request.request_id);

  std::string route_name = "unmatched";
  auto response = guarded(request, [&] { return route(request, route_name); });
  return complete(std::move(response), request, route_name, started);
}

Response Dispatcher::complete(Response response, const Request& request, const std::string& route_name,
                              Started started) const {
  if (response.pending) {
    // Headers, metrics and the log line wait for the answer itself.
    auto inner = std::move(response.pending);
    response.pending = std::make_shared<PendingResponse>();
    response.pending->start = [this, inner, &request, route_name, started](PendingResponse::Resume resume) {
      inner->start([this, &request, route_name, started, resume = std::move(resume)](PendingResponse::Finish finish) {
        resume([this, &request, route_name, started, finish = std::move(finish)] {
          logging::RequestScope scope(request.request_id);
          return complete(guarded(request, finish), request, route_name, started);
        });
      });
    };
    return response;
  }
  response.set_header("X-Request-Id", request.request_id);
  add_security_headers(response);
  auto elapsed = std::chrono::steady_clock::now() - started;
  metrics_.record(route_name, request.method, response.status, elapsed);

  std::string line = fmt::format("\"method\":\"{}\",\"path\":", request.method);
  logging::append_json_string(line, request.path);
  line += fmt::format(",\"route\":");
  logging::append_json_string(line, route_name);
  line += fmt::format(",\"status\":{},\"bytes\":{},\"duration_ms\":{:.3f},\"remote\":", response.status,
                      response.body.size(), std::chrono::duration<double, std::milli>(elapsed).count());
  logging::append_json_string(line, request.remote_address);
  logging::access().info("{}", line);
  return response;
}

}  // namespace sigap::http
