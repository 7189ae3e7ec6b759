#pragma once

#include <string>
#include <string_view>

#include "channels/open311/georeport_document.hpp"
#include "common/error.hpp"

namespace sigap::channels::open311 {

/// The HTTP status and error `code` GeoReport v2 gives an error: 404 for what does not exist,
/// 403 for a missing, wrong or insufficient api_key, 429 when the key's budget is spent, 400
/// for every other fault of the request. Our own faults stay 500 (503 when the database does
/// not answer), so a client can tell them from its own.
int open311_status(ErrorCode code);

/// The <errors> document of `error`: one <error> per field problem ("lat: ..." naming the
/// Open311 parameter), or one with the message when there are none; descriptions in
/// `language`. Internal errors say only that the server failed.
Document errors_document(const Error& error, Language language);

/// An `Error` whose one field problem names an Open311 parameter.
Error parameter_error(ErrorCode code, std::string parameter, Text message);

}  // namespace sigap::channels::open311
