#include "domain/notifications/message_template.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "domain/complaints/intake.hpp"

namespace sigap::domain::notifications {

namespace {

constexpr std::array<std::string_view, 5> kPlaceholders{"code", "status", "unit", "deadline", "tracking_url"};

bool known(std::string_view name) {
  return std::find(kPlaceholders.begin(), kPlaceholders.end(), name) != kPlaceholders.end();
}

Error template_problem(std::string_view field, Text message) {
  return Error(ErrorCode::validation, Text{"Templat tidak valid.", "Invalid template."},
               {FieldError{std::string(field), std::move(message)}});
}

}  // namespace

std::span<const std::string_view> template_placeholders() { return kPlaceholders; }

Result<void> check_template(std::string_view text, std::string_view field, std::size_t max_length, bool single_line) {
  auto length = complaints::utf8_length(text);
  if (!length) return template_problem(field, Text{"Teks bukan UTF-8 yang sah.", "The text is not valid UTF-8."});
  if (*length == 0 || *length > max_length) {
    return template_problem(field, Text{fmt::format("Isi 1 sampai {} karakter.", max_length),
                                        fmt::format("Write 1 to {} characters.", max_length)});
  }
  for (unsigned char c : text) {
    const bool line_break = c == '\n' || c == '\t' || c == '\r';
    if ((c < 0x20 && (!line_break || single_line)) || c == 0x7f) {
      return template_problem(field, single_line
                                         ? Text{"Subjek ditulis dalam satu baris.", "A subject is one line."}
                                         : Text{"Teks berisi karakter kendali.", "The text holds control characters."});
    }
  }
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    auto close = text.find('}', open);
    auto name = close == std::string_view::npos ? text.substr(open) : text.substr(open + 1, close - open - 1);
    if (close == std::string_view::npos || !known(name)) {
      auto shown = std::string(name.substr(0, 40));
      return template_problem(
          field, Text{fmt::format("Penanda tidak dikenal: {{{}}}. Yang tersedia: {{code}} {{status}} {{unit}} "
                                  "{{deadline}} {{tracking_url}}.",
                                  shown),
                      fmt::format("Unknown placeholder: {{{}}}. Available: {{code}} {{status}} {{unit}} {{deadline}} "
                                  "{{tracking_url}}.",
                                  shown)});
    }
  }
  return {};
}

std::string render_template(std::string_view text, const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  out.reserve(text.size() + 64);
  std::size_t at = 0;
  while (at < text.size()) {
    auto open = text.find('{', at);
    if (open == std::string_view::npos) break;
    auto close = text.find('}', open);
    if (close == std::string_view::npos) break;
    auto name = text.substr(open + 1, close - open - 1);
    out.append(text.substr(at, open - at));
    if (known(name)) {
      auto found = values.find(name);
      if (found != values.end()) out += found->second;
      at = close + 1;
    } else {
      out += '{';
      at = open + 1;
    }
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace sigap::domain::notifications
