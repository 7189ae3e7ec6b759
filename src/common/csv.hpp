#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::csv {

using Record = std::vector<std::string>;

/// Parses RFC 4180 CSV: comma separated, fields optionally in double quotes with "" for a quote,
/// CRLF or LF line ends, a UTF-8 byte order mark ignored. Blank lines are skipped. An unclosed
/// quote is an `invalid_input` error naming the line. When `record_lines` is given, it receives
/// the line (from 1) on which each record starts, so callers can name the line of a bad row.
Result<std::vector<Record>> parse(std::string_view text, std::vector<std::size_t>* record_lines = nullptr);

}  // namespace sigap::csv
