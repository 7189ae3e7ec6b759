#include "http/multipart.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace sigap::http {
namespace {

constexpr std::size_t kMaxBoundaryLength = 70;
constexpr std::size_t kMaxHeaderBlockBytes = 8 * 1024;
// The form field that carries the photos; the limits on files and parts are reported on it.
constexpr std::string_view kFilesField = "photos";

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(), ascii_lower);
  return result;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// RFC 2046 `bchars`.
bool is_boundary_char(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A header value of the form `type *(";" name "=" (token / quoted-string))`, as Content-Type
// and Content-Disposition are written. Names and the type are kept in lower case.
struct Parameter {
  std::string name;
  std::string value;
};
struct HeaderValue {
  std::string type;
  std::vector<Parameter> parameters;

  [[nodiscard]] const std::string* find(std::string_view name) const {
    for (const auto& parameter : parameters) {
      if (parameter.name == name) return &parameter.value;
    }
    return nullptr;
  }
};

// Nothing when a parameter has no "=", a quoted string is not closed or is followed by more
// than blanks, or a parameter is given twice (which of the two would count is anyone's guess).
std::optional<HeaderValue> parse_header_value(std::string_view text) {
  HeaderValue result;
  auto pos = std::min(text.find(';'), text.size());
  result.type = lower(trim(text.substr(0, pos)));
  while (pos < text.size()) {  // text[pos] is the ';' before the next parameter
    ++pos;
    while (pos < text.size() && is_blank(text[pos])) ++pos;
    if (pos == text.size()) break;
    if (text[pos] == ';') continue;
    auto equals = text.find_first_of("=;", pos);
    if (equals == std::string_view::npos || text[equals] != '=') return std::nullopt;
    Parameter parameter{lower(trim(text.substr(pos, equals - pos))), {}};
    if (parameter.name.empty()) return std::nullopt;
    pos = equals + 1;
    while (pos < text.size() && is_blank(text[pos])) ++pos;
    if (pos < text.size() && text[pos] == '"') {
      bool closed = false;
      for (++pos; pos < text.size() && !closed;) {
        char c = text[pos++];
        if (c == '"') {
          closed = true;
        } else if (c == '\\' && pos < text.size()) {
          parameter.value += text[pos++];
        } else {
          parameter.value += c;
        }
      }
      if (!closed) return std::nullopt;
      while (pos < text.size() && is_blank(text[pos])) ++pos;
      if (pos < text.size() && text[pos] != ';') return std::nullopt;
    } else {
      auto end = std::min(text.find(';', pos), text.size());
      parameter.value = trim(text.substr(pos, end - pos));
      pos = end;
    }
    if (result.find(parameter.name)) return std::nullopt;
    result.parameters.push_back(std::move(parameter));
  }
  return result;
}

// An RFC 5987 ext-value (`UTF-8''%E2%82%AC.jpg`) as UTF-8; nothing for another charset or a
// broken percent-escape.
std::optional<std::string> decode_ext_value(std::string_view text) {
  auto first_quote = text.find('\'');
  if (first_quote == std::string_view::npos) return std::nullopt;
  auto second_quote = text.find('\'', first_quote + 1);
  if (second_quote == std::string_view::npos) return std::nullopt;
  auto charset = text.substr(0, first_quote);
  bool latin1 = iequals(charset, "ISO-8859-1");
  if (!latin1 && !iequals(charset, "UTF-8")) return std::nullopt;
  std::string result;
  for (auto pos = second_quote + 1; pos < text.size(); ++pos) {
    auto byte = static_cast<unsigned char>(text[pos]);
    if (byte == '%') {
      if (text.size() - pos < 3) return std::nullopt;
      int high = hex_digit(text[pos + 1]);
      int low = hex_digit(text[pos + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      byte = static_cast<unsigned char>(high * 16 + low);
      pos += 2;
    }
    if (latin1 && byte >= 0x80) {
      result += static_cast<char>(0xC0 | (byte >> 6));
      result += static_cast<char>(0x80 | (byte & 0x3F));
    } else {
      result += static_cast<char>(byte);
    }
  }
  return result;
}

// What follows a "--boundary" found in the body.
enum class Tail {
  none,        // more boundary-like bytes: not a delimiter after all
  incomplete,  // the body ends before it can tell: a truncated upload
  next_part,   // a delimiter line; `consumed` covers the padding and the line end
  close,       // the close delimiter `--boundary--`; what follows is epilogue
};

bool ends_line(std::string_view rest) {
  return rest.empty() || rest == "\r" || rest.starts_with("\r\n") || rest.starts_with("\n");
}

Tail classify_tail(std::string_view rest, std::size_t& consumed) {
  if (rest == "-") return Tail::incomplete;
  bool closing = rest.starts_with("--");
  std::size_t pos = closing ? 2 : 0;
  while (pos < rest.size() && is_blank(rest[pos])) ++pos;
  auto line_end = rest.substr(pos);
  if (closing) return ends_line(line_end) ? Tail::close : Tail::none;
  if (line_end.empty() || line_end == "\r") return Tail::incomplete;
  if (line_end.starts_with("\r\n")) {
    consumed = pos + 2;
    return Tail::next_part;
  }
  if (line_end.starts_with("\n")) {
    consumed = pos + 1;
    return Tail::next_part;
  }
  return Tail::none;
}

struct Delimiter {
  Tail tail = Tail::none;  // none: no delimiter at all from where the search began
  std::size_t start = 0;   // where it begins
  std::size_t next = 0;    // after its line, where the next part's headers begin (Tail::next_part)
};

// The first real delimiter at or after `from`: `needle` ("--boundary", or "\r\n--boundary" inside
// a part) followed by a delimiter tail; with `line_start`, only at the start of the body or a line.
// Lookalikes (the boundary followed by other bytes) are skipped.
Delimiter find_delimiter(std::string_view body, std::string_view needle, std::size_t from, bool line_start) {
  for (auto at = body.find(needle, from); at != std::string_view::npos; at = body.find(needle, at + 1)) {
    if (line_start && at > 0 && body[at - 1] != '\n') continue;
    std::size_t consumed = 0;
    auto tail = classify_tail(body.substr(at + needle.size()), consumed);
    if (tail != Tail::none) return {tail, at, at + needle.size() + consumed};
  }
  return {};
}

std::string size_text(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024;
  constexpr std::size_t kMiB = 1024 * kKiB;
  if (bytes >= kMiB && bytes % kMiB == 0) return fmt::format("{} MB", bytes / kMiB);
  if (bytes >= kKiB && bytes % kKiB == 0) return fmt::format("{} KB", bytes / kKiB);
  return fmt::format("{} B", bytes);
}

Error invalid(std::string id, std::string en) {
  return Error(ErrorCode::invalid_input, Text{std::move(id), std::move(en)});
}

Error truncated(std::size_t body_size) {
  Error error = invalid(
      "Unggahan terputus: batas penutup multipart tidak ada. Kirim ulang formulir beserta fotonya.",
      "The upload is incomplete: the closing multipart boundary is missing. Send the form and its photos again.");
  error.with_log_detail(fmt::format("multipart body of {} bytes ends before its closing boundary", body_size));
  return error;
}

Error too_large(std::string field, std::string id, std::string en) {
  return Error(ErrorCode::payload_too_large, Text{"Unggahan terlalu besar.", "The upload is too large."},
               {FieldError{std::move(field), Text{std::move(id), std::move(en)}}});
}

// Reads the header block of a part starting at `pos` and leaves `pos` after its blank line.
// The part's body is not read here.
Result<FormPart> read_part_headers(std::string_view body, std::size_t& pos) {
  auto window = body.substr(pos, kMaxHeaderBlockBytes);
  std::vector<std::pair<std::string_view, std::string>> headers;
  std::size_t cursor = 0;
  while (true) {
    auto newline = window.find('\n', cursor);
    if (newline == std::string_view::npos) {
      if (body.size() - pos <= kMaxHeaderBlockBytes) return truncated(body.size());
      return invalid(fmt::format("Kepala salah satu bagian formulir lebih dari {}.", size_text(kMaxHeaderBlockBytes)),
                     fmt::format("The headers of a form part exceed {}.", size_text(kMaxHeaderBlockBytes)));
    }
    auto line = window.substr(cursor, newline - cursor);
    cursor = newline + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) break;
    if (is_blank(line.front()) && !headers.empty()) {  // an obsolete folded continuation line
      headers.back().second += ' ';
      headers.back().second += trim(line);
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || is_blank(line[colon - 1])) {
      return invalid("Kepala bagian formulir tidak sah (baris tanpa \"Nama: nilai\").",
                     "A form part has a malformed header line (not \"Name: value\").");
    }
    headers.emplace_back(line.substr(0, colon), trim(line.substr(colon + 1)));
  }
  pos += cursor;

  const std::string* disposition = nullptr;
  const std::string* content_type = nullptr;
  for (const auto& [name, value] : headers) {
    const std::string** slot = iequals(name, "Content-Disposition") ? &disposition
                               : iequals(name, "Content-Type")      ? &content_type
                                                                    : nullptr;
    if (!slot) continue;
    if (*slot) {
      return invalid(fmt::format("Bagian formulir memuat kepala {} lebih dari sekali.", name),
                     fmt::format("A form part has more than one {} header.", name));
    }
    *slot = &value;
  }

  auto no_name = [] {
    return invalid("Ada bagian formulir tanpa nama (Content-Disposition: form-data; name=\"...\").",
                   "A form part has no name (Content-Disposition: form-data; name=\"...\").");
  };
  if (!disposition) return no_name();
  auto parsed = parse_header_value(*disposition);
  if (!parsed) {
    return invalid("Content-Disposition salah satu bagian formulir tidak sah.",
                   "A form part has a malformed Content-Disposition header.");
  }
  if (parsed->type != "form-data") {
    return invalid("Setiap bagian formulir harus bertipe Content-Disposition: form-data.",
                   "Every form part must have Content-Disposition: form-data.");
  }
  const auto* name = parsed->find("name");
  if (!name || name->empty()) return no_name();

  FormPart part{*name, std::nullopt, "text/plain", {}};
  if (const auto* plain = parsed->find("filename")) part.filename = *plain;
  if (const auto* extended = parsed->find("filename*")) {
    if (auto decoded = decode_ext_value(*extended)) {
      part.filename = std::move(*decoded);
    } else if (!part.filename) {
      return invalid("Nama berkas (filename*) salah satu bagian formulir tidak dapat dibaca.",
                     "The file name (filename*) of a form part cannot be decoded.");
    }
  }
  if (content_type && !content_type->empty()) part.content_type = *content_type;
  return part;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  auto parsed = parse_header_value(content_type);
  if (!parsed || parsed->type != "multipart/form-data") return std::nullopt;
  const auto* boundary = parsed->find("boundary");
  if (!boundary || boundary->empty() || boundary->size() > kMaxBoundaryLength || boundary->back() == ' ' ||
      !std::all_of(boundary->begin(), boundary->end(), is_boundary_char)) {
    return std::nullopt;
  }
  return *boundary;
}

Result<std::vector<FormPart>> parse_multipart(std::string_view body, std::string_view boundary,
                                              const MultipartLimits& limits) {
  if (boundary.empty() || boundary.size() > kMaxBoundaryLength) {
    return invalid("Batas multipart di Content-Type tidak sah.", "The multipart boundary in Content-Type is invalid.");
  }
  const std::string delimiter = fmt::format("\r\n--{}", boundary);
  const auto dash_boundary = std::string_view(delimiter).substr(2);

  auto first = find_delimiter(body, dash_boundary, 0, true);
  if (first.tail == Tail::none) {
    return invalid("Isi permintaan tidak memuat batas multipart yang disebut di Content-Type.",
                   "The request body does not contain the multipart boundary named in Content-Type.");
  }
  if (first.tail == Tail::incomplete) return truncated(body.size());
  Tail tail = first.tail;
  std::size_t pos = first.next;

  std::vector<FormPart> parts;
  std::size_t files = 0;
  while (tail == Tail::next_part) {
    if (parts.size() == limits.max_parts) {
      return too_large(std::string(kFilesField),
                       fmt::format("Formulir paling banyak berisi {} bagian.", limits.max_parts),
                       fmt::format("A form may have at most {} parts.", limits.max_parts));
    }
    auto part = read_part_headers(body, pos);
    if (!part) return part.error();
    const bool is_file = part->filename.has_value();
    if (is_file && ++files > limits.max_files) {
      return too_large(std::string(kFilesField), fmt::format("Paling banyak {} foto.", limits.max_files),
                       fmt::format("At most {} photos.", limits.max_files));
    }

    auto end = find_delimiter(body, delimiter, pos, false);
    if (end.tail == Tail::none || end.tail == Tail::incomplete) return truncated(body.size());
    part->body.assign(body.substr(pos, end.start - pos));
    pos = end.next;
    tail = end.tail;

    if (is_file && part->body.size() > limits.max_file_bytes) {
      return too_large(std::string(kFilesField),
                       fmt::format("Foto ke-{} lebih dari {}.", files, size_text(limits.max_file_bytes)),
                       fmt::format("Photo {} is larger than {}.", files, size_text(limits.max_file_bytes)));
    }
    if (!is_file && part->body.size() > limits.max_field_bytes) {
      return too_large(part->name, fmt::format("Isian ini paling panjang {}.", size_text(limits.max_field_bytes)),
                       fmt::format("This field may be at most {} long.", size_text(limits.max_field_bytes)));
    }
    parts.push_back(std::move(*part));
  }
  return parts;
}

}  // namespace sigap::http
