#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "common/error.hpp"
#include "http/message.hpp"

namespace sigap::http {

/// The request body as a JSON object; `invalid_input` (400) when it is not JSON, names where
/// it broke, or is JSON but not an object.
Result<boost::json::object> parse_json_object(const Request& request);
/// The same for JSON text from elsewhere (a part of a multipart form).
Result<boost::json::object> parse_json_text(std::string_view text);

/// Reads typed fields from a JSON object, collecting every problem as a field error so the
/// client hears about all of them at once (422). Fields not in `known` are problems too: a
/// typo in a field name must not pass silently.
class JsonFields {
 public:
  /// `prefix` names a nested object in field errors ("reporter." gives "reporter.phone").
  JsonFields(const boost::json::object& object, std::initializer_list<std::string_view> known,
             std::string prefix = {});

  std::optional<std::string> string(std::string_view name, bool required);
  std::optional<std::int64_t> integer(std::string_view name, bool required);
  std::optional<double> number(std::string_view name, bool required);
  std::optional<bool> boolean(std::string_view name, bool required);
  /// A nested object; a value of another type is a problem.
  const boost::json::object* object(std::string_view name);
  /// Takes over the problems found by the reader of a nested object.
  void absorb(const JsonFields& nested) {
    problems_.insert(problems_.end(), nested.problems_.begin(), nested.problems_.end());
  }

  /// The collected problems as one validation error, or nothing when all was well.
  [[nodiscard]] std::optional<Error> error() const;
  void add_problem(std::string field, Text message) {
    problems_.push_back({prefix_ + std::move(field), std::move(message)});
  }

 private:
  const boost::json::value* field(std::string_view name, bool required);

  const boost::json::object& object_;
  std::string prefix_;
  std::vector<FieldError> problems_;
};

}  // namespace sigap::http
