#pragma once
// multipart/form-data (RFC 7578 over the RFC 2046 framing): how complaint intake receives a form
// with photos. The whole body is already in memory (the server read it within the route's
// limit); parsing copies each part out, so the result owns its bytes and outlives the body.
// Pure functions, no shared state: safe from any thread.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::http {

/// The boundary of a `multipart/form-data` Content-Type value, e.g. from
/// `multipart/form-data; boundary="----x"`. The media type is matched case-insensitively, the
/// boundary may be a token or a quoted string. Nothing when the type is not multipart/form-data,
/// the value is malformed, or the boundary is not 1-70 characters of RFC 2046 `bchars` (with no
/// trailing space).
std::optional<std::string> multipart_boundary(std::string_view content_type);

/// One part of a form: a text field (`filename` empty) or a file (`filename` present, possibly
/// as the empty string, which browsers send for a file input left empty). `filename` is what
/// the client sent, decoded from `filename*` (RFC 5987) when given: untrusted, may carry a path.
struct FormPart {
  std::string name;
  std::optional<std::string> filename;
  std::string content_type;  // as sent; "text/plain" when the part has no Content-Type
  std::string body;          // the raw bytes; Content-Transfer-Encoding is not applied
};

/// What one form may hold. Every part with a filename counts as a file.
struct MultipartLimits {
  std::size_t max_parts = 16;
  std::size_t max_files = 5;
  std::size_t max_file_bytes = 10 * 1024 * 1024;
  std::size_t max_field_bytes = 64 * 1024;
};

/// The parts of `body`, in order, framed by `boundary` (without the leading "--", as
/// `multipart_boundary` returns it). Preamble and epilogue are ignored; line ends are CRLF, with
/// bare LF tolerated inside a part's header block. Errors, all with a message in both languages:
///  - invalid_input: the boundary never occurs in the body; the closing `--boundary--` is missing
///    (a truncated upload: nothing is returned, not even the parts that were complete); a part
///    without a Content-Disposition of type form-data or without a name; malformed headers or
///    parameters; a header block over 8 KiB; a `filename*` that does not decode (UTF-8 and
///    ISO-8859-1 are understood) when there is no plain `filename` to fall back on.
///  - payload_too_large: more than `max_parts` parts or `max_files` files, or a file over
///    `max_file_bytes`, each with a field error on "photos"; a text field over
///    `max_field_bytes`, with a field error on that field's name.
Result<std::vector<FormPart>> parse_multipart(std::string_view body, std::string_view boundary,
                                              const MultipartLimits& limits);

}  // namespace sigap::http
