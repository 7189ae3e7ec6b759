#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.hpp"

namespace sigap::http {

using FormFields = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::size_t kMaxFormFields = 1000;

/// Reads an application/x-www-form-urlencoded body (the URL Standard's serialisation, as HTML
/// forms and Open311 clients send it): fields split on '&' (empty pieces skipped), name and
/// value on the first '=', '+' is a space, %XX is the byte XX. Repeated names are kept, in
/// order. Strict where the standard is lenient: a '%' without two hex digits after it, an
/// encoded NUL, a name or value that is not UTF-8 once decoded, or more than `max_fields`
/// fields is `invalid_input` (400), naming the field (by position: the value is never echoed).
Result<FormFields> parse_form_body(std::string_view body, std::size_t max_fields = kMaxFormFields);

/// Whether a Content-Type header names application/x-www-form-urlencoded, with no charset or
/// charset=utf-8 (any case, quoted or not); another charset is not accepted.
bool is_form_media_type(std::string_view content_type);

}  // namespace sigap::http
