#include "http/handlers/open311_handlers.hpp"

#include <fmt/format.h>

#include "channels/open311/find_service_requests.hpp"
#include "channels/open311/open311_errors.hpp"
#include "channels/open311/requests_query.hpp"
#include "channels/open311/service_catalog.hpp"
#include "common/logging.hpp"
#include "crypto/hashing.hpp"
#include "http/form_body.hpp"

namespace sigap::http::handlers {

namespace o311 = channels::open311;

namespace {

enum class Format { json, xml };

Format format_of(const Request& request) { return request.path.ends_with(".xml") ? Format::xml : Format::json; }

Response render(const o311::Document& document, const Request& request, int status = 200) {
  Response response;
  response.status = status;
  if (format_of(request) == Format::xml) {
    auto xml = o311::to_xml(document);
    if (!xml) {
      logging::app().error("open311: cannot write {} as XML: {}", document.root_name, xml.error().log_detail());
      auto failed = o311::to_xml(o311::errors_document(xml.error(), request.language));
      response.status = 500;
      response.body = failed ? std::move(*failed) : std::string();
    } else {
      response.body = std::move(*xml);
    }
    response.set_header("Content-Type", "text/xml; charset=utf-8");
  } else {
    response.body = o311::to_json(document);
    response.set_header("Content-Type", "application/json; charset=utf-8");
  }
  response.set_header("Content-Language", request.language == Language::en ? "en" : "id");
  return response;
}

Response error_response(const Error& error, const Request& request) {
  auto status = o311::open311_status(error.code());
  if (status == 500) logging::app().error("open311 {} {}: {}", request.method, request.path, error.log_detail());
  auto response = render(o311::errors_document(error, request.language), request, status);
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response too_many(const Request& request, std::chrono::seconds retry_after) {
  auto response = error_response(
      Error(ErrorCode::too_many_requests,
            Text{fmt::format("Terlalu banyak permintaan; coba lagi dalam {} detik.", retry_after.count()),
                 fmt::format("Too many requests; try again in {} seconds.", retry_after.count())}),
      request);
  response.set_header("Retry-After", std::to_string(retry_after.count()));
  return response;
}

// "https://host" as the client reached us (X-Forwarded-Proto from the reverse proxy); the Host
// header is used only when it holds nothing but a host name or address and a port.
std::string base_url_of(const Request& request) {
  std::string host(request.header("host").value_or(""));
  bool clean = !host.empty() && host.size() <= 255;
  for (char c : host) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                   c == '-' || c == ':' || c == '[' || c == ']';
    clean = clean && allowed;
  }
  if (!clean) host = "localhost";
  auto proto = request.header("x-forwarded-proto");
  return std::string(proto && *proto == "https" ? "https://" : "http://") + host;
}

std::string_view first_value(const FormFields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return value;
  }
  return {};
}

Response cacheable(Response response, std::string_view cache_control) {
  response.set_header("Cache-Control", std::string(cache_control));
  return response;
}

}  // namespace

std::optional<Response> Open311Handlers::refuse_read(const Request& request, bool other_parameters_allowed) {
  auto verdict = limiter_.take(RateBudget::tracking, "ip:" + request.remote_address);
  if (!verdict.allowed) return too_many(request, verdict.retry_after);
  if (!other_parameters_allowed) {
    std::vector<FieldError> unknown;
    for (const auto& [name, value] : request.query) {
      if (name != "jurisdiction_id" && name != "api_key") {
        unknown.push_back({name, Text{"Parameter tidak dikenal.", "Unknown parameter."}});
      }
    }
    if (!unknown.empty()) {
      return error_response(Error(ErrorCode::validation, Text{"Parameter tidak dikenal.", "Unknown parameter."},
                                  std::move(unknown)),
                            request);
    }
  }
  if (auto served = o311::check_jurisdiction(settings_, request.query_param("jurisdiction_id").value_or(""));
      !served) {
    return error_response(served.error(), request);
  }
  return std::nullopt;
}

Response Open311Handlers::discovery(const Request& request) {
  if (auto refused = refuse_read(request, false)) return std::move(*refused);
  auto document = discovery_.document(base_url_of(request), request.language);
  if (!document) return error_response(document.error(), request);
  return cacheable(render(*document, request), "no-cache");
}

Response Open311Handlers::services(const Request& request) {
  if (auto refused = refuse_read(request, false)) return std::move(*refused);
  auto document = o311::services_document(storage_, request.language);
  if (!document) return error_response(document.error(), request);
  return cacheable(render(*document, request), "public, max-age=60");
}

Response Open311Handlers::service_definition(const Request& request) {
  if (auto refused = refuse_read(request, false)) return std::move(*refused);
  auto document = o311::service_definition_document(storage_, request.path_param("service_code"));
  if (!document) return error_response(document.error(), request);
  return cacheable(render(*document, request), "public, max-age=60");
}

Response Open311Handlers::requests(const Request& request) {
  if (auto refused = refuse_read(request, true)) return std::move(*refused);
  auto query = o311::read_requests_query(request.query, clock_.now());
  if (!query) return error_response(query.error(), request);
  auto views = o311::find_service_requests(storage_, *query, request.language);
  if (!views) return error_response(views.error(), request);
  o311::Document document{"service_requests", o311::Node::list("request")};
  for (const auto& view : *views) document.root.push(o311::request_node(view));
  return cacheable(render(document, request), "no-cache");
}

Response Open311Handlers::request(const Request& request) {
  if (auto refused = refuse_read(request, false)) return std::move(*refused);
  auto view = o311::find_service_request(storage_, request.path_param("service_request_id"), request.language);
  if (!view) return error_response(view.error(), request);
  o311::Document document{"service_requests", o311::Node::list("request")};
  document.root.push(o311::request_node(*view));
  return cacheable(render(document, request), "no-cache");
}

Response Open311Handlers::token(const Request& request) {
  if (auto refused = refuse_read(request, false)) return std::move(*refused);
  auto answer = o311::find_token(storage_, request.path_param("token"));
  if (!answer) return error_response(answer.error(), request);
  auto item = o311::Node::object();
  item.add("service_request_id", o311::Node::text_or_null(answer->service_request_id))
      .add("token", o311::Node::of_text(answer->token));
  o311::Document document{"service_requests", o311::Node::list("request")};
  document.root.push(std::move(item));
  return cacheable(render(document, request), "no-store");
}

Response Open311Handlers::submit(const Request& request) {
  if (!is_form_media_type(request.header("content-type").value_or(""))) {
    return error_response(
        o311::parameter_error(ErrorCode::unsupported_media_type, "Content-Type",
                              Text{"Kirim formulir sebagai application/x-www-form-urlencoded; charset=utf-8.",
                                   "Send the form as application/x-www-form-urlencoded; charset=utf-8."}),
        request);
  }
  auto fields = parse_form_body(request.body);
  if (!fields) return error_response(fields.error(), request);
  // A missing or wrong key is answered first (403), then a jurisdiction not served here (404),
  // then anything else wrong with the form (400).
  auto client = o311::authenticate_api_key(storage_, clock_, first_value(*fields, "api_key"));
  if (!client) return error_response(client.error(), request);
  auto verdict = limiter_.take(RateBudget::api, "apikey:" + std::to_string(client->id));
  if (!verdict.allowed) return too_many(request, verdict.retry_after);
  if (auto served = o311::check_jurisdiction(settings_, first_value(*fields, "jurisdiction_id")); !served) {
    return error_response(served.error(), request);
  }
  auto form = o311::read_service_request_form(*fields);
  if (!form) return error_response(form.error(), request);
  auto submitted = intake_.submit(*form, *client, request.header("idempotency-key").value_or(""),
                                  crypto::sha256_hex(request.body), request.language);
  if (!submitted) return error_response(submitted.error(), request);
  auto item = o311::Node::object();
  item.add("service_request_id", o311::Node::of_text(submitted->service_request_id))
      .add("service_notice", o311::Node::text_or_null(submitted->service_notice))
      .add("account_id", o311::Node::text_or_null(submitted->account_id));
  o311::Document document{"service_requests", o311::Node::list("request")};
  document.root.push(std::move(item));
  auto response = render(document, request);
  response.set_header("Cache-Control", "no-store");
  if (submitted->replayed) response.set_header("Idempotent-Replayed", "true");
  return response;
}

}  // namespace sigap::http::handlers
