#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace sigap::domain::notifications {

/// The placeholders a template may use: {code} {status} {unit} {deadline} {tracking_url}.
std::span<const std::string_view> template_placeholders();

/// Checks a template an admin wrote: not empty, valid UTF-8 without control characters other
/// than newline and tab (none at all in a subject), at most `max_length` characters, and every
/// "{...}" one of the placeholders. A validation error on `field` names the first unknown
/// placeholder.
Result<void> check_template(std::string_view text, std::string_view field, std::size_t max_length, bool single_line);

/// Replaces each known placeholder with its value from `values` (missing: empty); other text,
/// stray braces included, is kept as written.
std::string render_template(std::string_view text, const std::map<std::string, std::string, std::less<>>& values);

}  // namespace sigap::domain::notifications
