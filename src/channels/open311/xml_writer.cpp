#include "channels/open311/xml_writer.hpp"

namespace sigap::channels::open311 {

namespace {

bool name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

}  // namespace

bool is_xml_text(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') return false;
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t code = 0;
    if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;  // a continuation byte without a lead, or 0xF8-0xFF
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    bool overlong = (length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) || code == 0xFFFE || code == 0xFFFF) {
      return false;
    }
    i += length;
  }
  return true;
}

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n") {}

bool XmlWriter::check_name(std::string_view name) {
  bool valid = !name.empty() && name_start(name.front());
  for (char c : name) valid = valid && name_char(c);
  if (!valid && problem_.empty()) problem_ = "bad element name";
  return valid;
}

void XmlWriter::append_text(std::string_view text) {
  if (!is_xml_text(text)) {
    if (problem_.empty()) problem_ = "text that XML 1.0 cannot carry";
    return;
  }
  for (char c : text) {
    switch (c) {
      case '&': out_ += "&amp;"; break;
      case '<': out_ += "&lt;"; break;
      case '>': out_ += "&gt;"; break;
      case '"': out_ += "&quot;"; break;
      case '\'': out_ += "&apos;"; break;
      case '\r': out_ += "&#13;"; break;  // a parser would turn a bare CR into LF
      default: out_ += c;
    }
  }
}

void XmlWriter::open(std::string_view name) {
  if (!check_name(name)) return;
  out_ += '<';
  out_ += name;
  out_ += '>';
  open_.emplace_back(name);
}

void XmlWriter::close() {
  if (open_.empty()) {
    if (problem_.empty()) problem_ = "close without open";
    return;
  }
  out_ += "</";
  out_ += open_.back();
  out_ += '>';
  open_.pop_back();
}

void XmlWriter::text_element(std::string_view name, std::string_view text) {
  if (!check_name(name)) return;
  out_ += '<';
  out_ += name;
  out_ += '>';
  append_text(text);
  out_ += "</";
  out_ += name;
  out_ += '>';
}

void XmlWriter::empty_element(std::string_view name) {
  if (!check_name(name)) return;
  out_ += '<';
  out_ += name;
  out_ += "/>";
}

Result<std::string> XmlWriter::finish() {
  if (problem_.empty() && !open_.empty()) problem_ = "element <" + open_.back() + "> left open";
  if (!problem_.empty()) return Error::internal("XML writer: " + problem_);
  out_ += '\n';
  return std::move(out_);
}

}  // namespace sigap::channels::open311
