// An HTTP request as the server reads it (src/http/server.cpp): the bytes through Beast's
// request parser with the server's header limit, the target split into the percent-decoded path
// (decode_path) and the query (parse_query), the path matched against the route table
// (Router, with the patterns of api/openapi.yaml), and the query read by the list filters the
// handlers apply to it (domain/complaints/case_filter for the case lists, Open311 GET requests).
// The headers the dispatcher reads (Accept-Language, Content-Type) go through their parsers.
// Invariants: a match is for the request's method (HEAD takes GET) and fills every parameter
// with a non-empty value; a path without a match lists each allowed method once; a decoded
// path holds no NUL; the query has at most one pair per '&'-separated piece.
#include <algorithm>
#include <chrono>
#include <limits>

#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/http.hpp>

#include "channels/open311/requests_query.hpp"
#include "domain/complaints/case_filter.hpp"
#include "fuzz/fuzz_check.hpp"
#include "fuzz/openapi_routes.hpp"
#include "http/form_body.hpp"
#include "http/message.hpp"
#include "http/multipart.hpp"
#include "http/router.hpp"

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace http = sigap::http;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;  // ServerOptions::header_limit
constexpr std::size_t kBodyLimit = 64 * 1024;    // the server's limit for routes without a body
const sigap::TimePoint kNow{std::chrono::sys_days{std::chrono::year{2026} / 11 / 26} + 6h};

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const http::Router& router() {
  static const http::Router table(sigap::fuzz::documented_routes());
  return table;
}

void check_match(const http::Request& request) {
  auto match = router().match(request.method, request.path);
  if (match.route) {
    FUZZ_CHECK(match.route->method == request.method || (request.method == "HEAD" && match.route->method == "GET"));
    FUZZ_CHECK(match.allowed_methods.empty());
    for (const auto& [name, value] : match.params) {
      FUZZ_CHECK(!name.empty() && !value.empty());
      FUZZ_CHECK(value.find('/') == std::string::npos);
    }
    auto braces = std::count(match.route->pattern.begin(), match.route->pattern.end(), '{');
    FUZZ_CHECK(static_cast<std::size_t>(braces) == match.params.size());
  } else {
    auto& methods = match.allowed_methods;
    for (std::size_t i = 0; i < methods.size(); ++i) {
      FUZZ_CHECK(std::count(methods.begin(), methods.end(), methods[i]) == 1);
      FUZZ_CHECK(methods[i] != request.method);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(kHeaderLimit));
  parser.body_limit(kBodyLimit);
  parser.eager(true);
  beast::error_code ec;
  std::size_t used = 0;
  // As Beast's read loop drives it: put() what is buffered until it needs more. Then the
  // client has sent all it will (calling put() again without new bytes breaks its contract).
  while (used < size && !parser.is_done()) {
    auto consumed = parser.put(boost::asio::const_buffer(data + used, size - used), ec);
    used += consumed;
    if (ec == bhttp::error::need_more) break;
    if (ec) return 0;  // the server answers 400, 413 or 431 and closes
  }
  if (!parser.is_header_done()) return 0;
  if (!parser.is_done()) {
    parser.put_eof(ec);  // the client closed after its last byte
    if (ec || !parser.is_done()) return 0;
  }

  // As Server::Impl::session builds the request.
  auto& beast_request = parser.get();
  http::Request request;
  request.method = std::string(beast_request.method_string());
  request.target = std::string(beast_request.target());
  for (const auto& field : beast_request) {
    request.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
  }
  request.body = beast_request.body();
  auto question = request.target.find('?');
  auto decoded = http::decode_path(std::string_view(request.target).substr(0, question));
  if (!decoded || !request.target.starts_with('/')) return 0;  // 400
  request.path = std::move(*decoded);
  FUZZ_CHECK(request.path.find('\0') == std::string::npos);
  FUZZ_CHECK(request.path.size() <= question);
  if (question != std::string::npos) {
    auto query = std::string_view(request.target).substr(question + 1);
    request.query = http::parse_query(query);
    FUZZ_CHECK(request.query.size() <= static_cast<std::size_t>(std::count(query.begin(), query.end(), '&')) + 1);
  }

  // What the dispatcher reads before routing.
  (void)sigap::language_from_accept(request.header("accept-language").value_or(""));
  auto content_type = request.header("content-type").value_or("");
  if (auto boundary = http::multipart_boundary(content_type)) FUZZ_CHECK(!boundary->empty() && boundary->size() <= 70);
  (void)http::is_form_media_type(content_type);

  check_match(request);

  // The query as the list handlers read it.
  namespace dc = sigap::domain::complaints;
  if (auto filter = dc::parse_case_filter(request.query, sigap::domain::sla::UnitTimeZone::wib,
                                          dc::staff_list_parameters());
      !filter) {
    FUZZ_CHECK(!filter.error().fields().empty());
  }
  if (auto query = sigap::channels::open311::read_requests_query(request.query, kNow)) {
    FUZZ_CHECK(query->ids.size() <= sigap::channels::open311::kMaxRequests);
    if (query->ids.empty()) FUZZ_CHECK(query->from <= query->to && query->to - query->from <= std::chrono::hours(24 * 90));
  }
  return 0;
}
