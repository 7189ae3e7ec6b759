#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "common/text.hpp"

namespace sigap {

/// What went wrong, in terms every layer shares. Exactly one file (http/problem_json.cpp)
/// turns these into HTTP statuses.
enum class ErrorCode {
  invalid_input,    // the request is malformed (bad JSON, bad syntax)
  validation,       // well-formed, but fields break rules (see Error::fields)
  not_found,
  unauthenticated,  // who you are is unknown or the proof is wrong (sign in)
  forbidden,        // known, and not allowed
  too_many_requests,
  conflict,
  precondition_failed,  // the caller's copy is stale (If-Match no longer matches)
  unsupported_media_type,
  payload_too_large,
  unavailable,      // a dependency (the database) does not answer
  internal,         // our own fault; never shown to the user in detail
};

/// One field that broke a rule: `field` is the JSON pointer-ish name ("limit", "query").
struct FieldError {
  std::string field;
  Text message;
};

/// An error as a value: a code, a message in both languages, and per-field errors.
class Error {
 public:
  Error(ErrorCode code, Text message, std::vector<FieldError> fields = {})
      : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

  static Error internal(std::string what_for_the_log);

  [[nodiscard]] ErrorCode code() const { return code_; }
  [[nodiscard]] const Text& message() const { return message_; }
  [[nodiscard]] const std::vector<FieldError>& fields() const { return fields_; }
  /// Details for the operator's log only (driver messages); never sent to a client.
  [[nodiscard]] const std::string& log_detail() const { return log_detail_; }
  Error& with_log_detail(std::string detail) {
    log_detail_ = std::move(detail);
    return *this;
  }

 private:
  ErrorCode code_;
  Text message_;
  std::vector<FieldError> fields_;
  std::string log_detail_;
};

/// Either a value or an Error. Domain and app code return these instead of throwing.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  [[nodiscard]] const Error& error() const {
    assert(!ok());
    return std::get<Error>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

/// Result of an operation that yields nothing but can fail.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] const Error& error() const {
    assert(!ok());
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

}  // namespace sigap
