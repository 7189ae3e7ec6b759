#include "http/form_body.hpp"

#include <cctype>
#include <optional>

#include <fmt/format.h>

namespace sigap::http {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80 ? 1 : (byte & 0xE0) == 0xC0 ? 2 : (byte & 0xF0) == 0xE0 ? 3 : (byte & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    char32_t code = length == 1 ? byte : length == 2 ? (byte & 0x1F) : length == 3 ? (byte & 0x0F) : (byte & 0x07);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    if ((length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000) ||
        code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

// The decoded text, or nullopt for a bad escape, an encoded NUL or bytes that are not UTF-8.
std::optional<std::string> decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0 || (high == 0 && low == 0)) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += c;
    }
  }
  if (!valid_utf8(out)) return std::nullopt;
  return out;
}

Error bad_field(std::size_t position) {
  return Error(ErrorCode::invalid_input,
               Text{"Isi formulir tidak dapat dibaca.", "The form body cannot be read."},
               {FieldError{fmt::format("form field {}", position),
                           Text{"Kode persen salah (%XX), NUL, atau bukan UTF-8.",
                                "A bad percent escape (%XX), a NUL, or not UTF-8."}}});
}

std::string lower(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

Result<FormFields> parse_form_body(std::string_view body, std::size_t max_fields) {
  FormFields fields;
  std::size_t position = 0;
  while (!body.empty()) {
    auto amp = body.find('&');
    auto piece = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (piece.empty()) continue;
    ++position;
    if (fields.size() == max_fields) {
      return Error(ErrorCode::invalid_input,
                   Text{fmt::format("Formulir paling banyak {} isian.", max_fields),
                        fmt::format("A form holds at most {} fields.", max_fields)});
    }
    auto eq = piece.find('=');
    auto name = decode(piece.substr(0, eq));
    auto value = eq == std::string_view::npos ? std::optional<std::string>(std::string()) : decode(piece.substr(eq + 1));
    if (!name || !value) return bad_field(position);
    fields.emplace_back(std::move(*name), std::move(*value));
  }
  return fields;
}

bool is_form_media_type(std::string_view content_type) {
  auto semicolon = content_type.find(';');
  if (lower(trim(content_type.substr(0, semicolon))) != "application/x-www-form-urlencoded") return false;
  while (semicolon != std::string_view::npos) {
    content_type.remove_prefix(semicolon + 1);
    semicolon = content_type.find(';');
    auto parameter = trim(content_type.substr(0, semicolon));
    if (parameter.empty()) continue;
    auto eq = parameter.find('=');
    if (eq == std::string_view::npos) return false;
    if (lower(trim(parameter.substr(0, eq))) != "charset") continue;
    auto charset = trim(parameter.substr(eq + 1));
    if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') charset = charset.substr(1, charset.size() - 2);
    if (lower(charset) != "utf-8") return false;
  }
  return true;
}

}  // namespace sigap::http
