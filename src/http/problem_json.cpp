#include "http/problem_json.hpp"

#include <boost/json.hpp>

namespace sigap::http {

namespace {

struct ProblemKind {
  int status;
  std::string_view slug;
  Text title;
};

const ProblemKind& kind_for_status(int status) {
  static const std::vector<ProblemKind> kinds{
      {400, "bad-request", {"Permintaan tidak dapat dibaca", "Bad request"}},
      {401, "unauthenticated", {"Perlu masuk terlebih dahulu", "Authentication required"}},
      {403, "forbidden", {"Tidak berwenang", "Forbidden"}},
      {404, "not-found", {"Tidak ditemukan", "Not found"}},
      {405, "method-not-allowed", {"Metode tidak diizinkan", "Method not allowed"}},
      {408, "request-timeout", {"Permintaan terlalu lama", "Request timeout"}},
      {409, "conflict", {"Bertentangan dengan data yang ada", "Conflict"}},
      {412, "precondition-failed", {"Data sudah berubah", "Precondition failed"}},
      {413, "payload-too-large", {"Isi permintaan terlalu besar", "Payload too large"}},
      {415, "unsupported-media-type", {"Jenis isi tidak didukung", "Unsupported media type"}},
      {422, "validation", {"Data tidak valid", "Validation failed"}},
      {426, "upgrade-required", {"Perlu WebSocket", "Upgrade required"}},
      {429, "too-many-requests", {"Terlalu banyak permintaan", "Too many requests"}},
      {431, "header-too-large", {"Header permintaan terlalu besar", "Request header fields too large"}},
      {500, "internal", {"Kesalahan server", "Internal server error"}},
      {503, "unavailable", {"Layanan sedang tidak tersedia", "Service unavailable"}},
  };
  for (const auto& kind : kinds) {
    if (kind.status == status) return kind;
  }
  return kinds[kinds.size() - 2];  // internal
}

Response render(int status, const Text& detail, const std::vector<FieldError>& fields, const Request& request) {
  const auto& kind = kind_for_status(status);
  boost::json::object body;
  body["type"] = std::string("/problems/") + std::string(kind.slug);
  body["title"] = kind.title.in(request.language);
  body["status"] = status;
  body["detail"] = detail.in(request.language);
  body["instance"] = request.path;
  if (!request.request_id.empty()) body["request_id"] = request.request_id;
  if (!fields.empty()) {
    boost::json::array errors;
    for (const auto& field : fields) {
      errors.push_back(boost::json::object{{"field", field.field}, {"message", field.message.in(request.language)}});
    }
    body["errors"] = std::move(errors);
  }
  Response response;
  response.status = status;
  response.body = boost::json::serialize(body);
  response.set_header("Content-Type", "application/problem+json; charset=utf-8");
  response.set_header("Content-Language", request.language == Language::en ? "en" : "id");
  return response;
}

}  // namespace

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::validation: return 422;
    case ErrorCode::not_found: return 404;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::too_many_requests: return 429;
    case ErrorCode::conflict: return 409;
    case ErrorCode::precondition_failed: return 412;
    case ErrorCode::unsupported_media_type: return 415;
    case ErrorCode::payload_too_large: return 413;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

Response problem_response(const Error& error, const Request& request) {
  auto status = status_for(error.code());
  if (status == 500) return render(status, Error::internal("").message(), {}, request);
  return render(status, error.message(), error.fields(), request);
}

Response problem_response(int status, const Text& detail, const Request& request) {
  return render(status, detail, {}, request);
}

}  // namespace sigap::http
