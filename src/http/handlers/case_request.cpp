#include "http/handlers/case_request.hpp"

#include <charconv>

#include "http/problem_json.hpp"

namespace sigap::http::handlers {

std::optional<std::int64_t> case_id(const Request& request) {
  auto text = request.path_param("id");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

Response no_such_case(const Request& request) {
  return problem_response(Error(ErrorCode::not_found, Text{"Aduan tidak ditemukan.", "No such complaint."}), request);
}

std::string etag_of(const domain::complaints::Complaint& complaint) {
  return "\"v" + std::to_string(complaint.version) + "\"";
}

std::optional<std::int64_t> expected_version(const Request& request) {
  auto header = request.header("if-match");
  if (!header) return std::nullopt;
  std::string_view text = *header;
  if (text.starts_with("W/")) text.remove_prefix(2);
  if (text.size() < 4 || text.front() != '"' || text.back() != '"' || text[1] != 'v') return 0;
  std::int64_t version = 0;
  auto [end, ec] = std::from_chars(text.data() + 2, text.data() + text.size() - 1, version);
  if (ec != std::errc() || end != text.data() + text.size() - 1) return 0;
  return version;
}

}  // namespace sigap::http::handlers
