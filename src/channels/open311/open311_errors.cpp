#include "channels/open311/open311_errors.hpp"

namespace sigap::channels::open311 {

int open311_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::not_found: return 404;
    case ErrorCode::unauthenticated:
    case ErrorCode::forbidden: return 403;
    case ErrorCode::too_many_requests: return 429;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::internal: return 500;
    default: return 400;
  }
}

Document errors_document(const Error& error, Language language) {
  auto status = open311_status(error.code());
  Document document{"errors", Node::list("error")};
  auto add = [&](const std::string& description) {
    document.root.push(std::move(Node::object()
                                     .add("code", Node::of_integer(status))
                                     .add("description", Node::of_text(description))));
  };
  if (status == 500) {
    add(Error::internal("").message().in(language));
  } else if (error.fields().empty()) {
    add(error.message().in(language));
  } else {
    for (const auto& field : error.fields()) add(field.field + ": " + field.message.in(language));
  }
  return document;
}

Error parameter_error(ErrorCode code, std::string parameter, Text message) {
  return Error(code,
               Text{"Permintaan Open311 tidak dapat diproses.", "The Open311 request cannot be processed."},
               {FieldError{std::move(parameter), std::move(message)}});
}

}  // namespace sigap::channels::open311
