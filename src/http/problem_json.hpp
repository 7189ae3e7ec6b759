#pragma once

#include <string_view>

#include "common/error.hpp"
#include "http/message.hpp"

namespace sigap::http {

/// The one place where error codes become HTTP statuses.
int status_for(ErrorCode code);

/// An RFC 9457 application/problem+json response for `error`, in the request's language:
/// type, title, status, detail, instance (the path), request_id, and for validation errors
/// `errors: [{field, message}]`. An internal error's detail is generic: internals are logged,
/// never sent.
Response problem_response(const Error& error, const Request& request);

/// A problem with an explicit status for conditions that exist only in HTTP (405, 408, 431).
Response problem_response(int status, const Text& detail, const Request& request);

}  // namespace sigap::http
