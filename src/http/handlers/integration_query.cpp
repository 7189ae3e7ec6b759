#include "http/handlers/integration_query.hpp"

#include <algorithm>
#include <charconv>

namespace sigap::http::handlers {

namespace {

std::optional<std::int64_t> positive(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

}  // namespace

ListQuery::ListQuery(const Request& request, std::initializer_list<std::string_view> known) : request_(request) {
  for (const auto& [name, value] : request.query) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      problems_.push_back({name, Text{"Parameter tidak dikenal.", "Unknown parameter."}});
    }
  }
}

std::optional<std::int64_t> ListQuery::id(std::string_view name) {
  auto text = request_.query_param(name);
  if (!text) return std::nullopt;
  auto value = positive(*text);
  if (!value)
    problems_.push_back({std::string(name), Text{"Isi bilangan bulat positif.", "Give a positive whole number."}});
  return value;
}

int ListQuery::limit() {
  auto text = request_.query_param("limit");
  if (!text) return 50;
  auto value = positive(*text);
  if (!value || *value > 100) {
    problems_.push_back({"limit", Text{"Antara 1 dan 100.", "Between 1 and 100."}});
    return 50;
  }
  return static_cast<int>(*value);
}

std::optional<Error> ListQuery::error() const {
  if (problems_.empty()) return std::nullopt;
  return Error(ErrorCode::validation, Text{"Parameter tidak valid.", "Invalid parameters."}, problems_);
}

std::optional<std::int64_t> path_id(const Request& request, std::string_view name) {
  return positive(request.path_param(name));
}

}  // namespace sigap::http::handlers
