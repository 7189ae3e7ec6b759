#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// Reads the query of the webhook and notification lists: every parameter must be one of
/// `known` (a typo is a 422, not a silently ignored filter), numbers are whole and positive.
/// Problems are collected and returned together by error().
class ListQuery {
 public:
  ListQuery(const Request& request, std::initializer_list<std::string_view> known);

  /// A positive whole number; nullopt when absent (or wrong: then a problem is recorded).
  std::optional<std::int64_t> id(std::string_view name);
  /// `limit`: 1-100, default 50.
  int limit();
  std::optional<std::string_view> text(std::string_view name) const { return request_.query_param(name); }
  void add_problem(std::string field, Text message) { problems_.push_back({std::move(field), std::move(message)}); }
  [[nodiscard]] std::optional<Error> error() const;

 private:
  const Request& request_;
  std::vector<FieldError> problems_;
};

/// The path parameter `name` as a positive id; nullopt when it is not one (the caller answers 404).
std::optional<std::int64_t> path_id(const Request& request, std::string_view name);

}  // namespace sigap::http::handlers
