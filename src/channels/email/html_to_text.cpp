#include "channels/email/html_to_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "channels/email/mail_text.hpp"

namespace sigap::channels::email {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kEntities{{
    {"amp", "&"},        {"lt", "<"},          {"gt", ">"},          {"quot", "\""},
    {"apos", "'"},       {"nbsp", " "},        {"hellip", "\u2026"}, {"ndash", "\u2013"},
    {"mdash", "\u2014"}, {"lsquo", "\u2018"},  {"rsquo", "\u2019"},  {"ldquo", "\u201C"},
    {"rdquo", "\u201D"}, {"copy", "\u00A9"},   {"reg", "\u00AE"},    {"euro", "\u20AC"},
    {"middot", "\u00B7"}, {"bull", "\u2022"},  {"deg", "\u00B0"},    {"times", "\u00D7"},
    {"laquo", "\u00AB"}, {"raquo", "\u00BB"},  {"shy", ""},          {"zwnj", ""},
}};

// Elements whose content is not text a person wrote.
constexpr std::array<std::string_view, 6> kSkipped{"script", "style", "head", "title", "template", "noscript"};
// Elements that end a line where they open or close.
constexpr std::array<std::string_view, 20> kLineBreaking{"div", "tr", "table", "ul", "ol", "dl", "dt", "dd",
                                                         "address", "center", "section", "article", "header",
                                                         "footer", "nav", "form", "fieldset", "figure", "caption",
                                                         "main"};
// Elements that stand apart as paragraphs (a blank line around them).
constexpr std::array<std::string_view, 8> kParagraphs{"p", "h1", "h2", "h3", "h4", "h5", "h6", "hr"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

template <std::size_t N>
bool among(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Lines as they are built: spaces collapse, breaks are counted, quote depth prefixes each line.
class TextBuilder {
 public:
  void text(std::string_view chunk, bool preformatted) {
    for (char c : chunk) {
      if (preformatted) {
        if (c == '\r') continue;
        if (c == '\n') {
          line_break();
          continue;
        }
        put(c);
        continue;
      }
      if (is_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !at_line_start_) put(' ');
      pending_space_ = false;
      put(c);
    }
  }

  void raw(std::string_view chunk) {
    if (pending_space_ && !at_line_start_) put(' ');
    pending_space_ = false;
    for (char c : chunk) put(c);
  }

  void line_break() {
    out_ += '\n';
    at_line_start_ = true;
    pending_space_ = false;
  }

  // Ends the current line unless it is already ended.
  void end_line() {
    if (!at_line_start_) line_break();
  }

  void paragraph() {
    end_line();
    line_break();
  }

  void quote(int delta) {
    end_line();
    quote_depth_ = std::max(0, quote_depth_ + delta);
  }

  std::string finish() const { return tidy_lines(out_); }

 private:
  void put(char c) {
    if (at_line_start_) {
      for (int i = 0; i < quote_depth_; ++i) out_ += "> ";
      at_line_start_ = false;
    }
    out_ += c;
  }

  std::string out_;
  bool at_line_start_ = true;
  bool pending_space_ = false;
  int quote_depth_ = 0;
};

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the entity at html[pos] == '&'; returns the text and how many bytes it took (0: not
// an entity, the '&' stands for itself).
std::pair<std::string, std::size_t> entity_at(std::string_view html, std::size_t pos) {
  auto end = html.find(';', pos + 1);
  if (end == std::string_view::npos || end - pos > 12) return {"", 0};
  auto name = html.substr(pos + 1, end - pos - 1);
  if (name.size() >= 2 && name[0] == '#') {
    std::uint32_t value = 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    auto digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return {"", 0};
    for (char c : digits) {
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) return {"", 0};
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      if (value > 0x10FFFF) value = 0x110000;  // stays out of range, no overflow
    }
    std::string out;
    append_utf8(out, value);
    return {out, end - pos + 1};
  }
  for (const auto& [entity, text] : kEntities) {
    if (entity == name) return {std::string(text), end - pos + 1};
  }
  return {"", 0};
}

// Decodes entities in a run of text between tags.
std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      auto [decoded, taken] = entity_at(text, i);
      if (taken > 0) {
        // A no-break space is a space like any other here.
        out += decoded == "\u00A0" ? " " : decoded;
        i += taken - 1;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  std::size_t end = 0;  // index after '>'
};

// Reads the tag starting at html[pos] == '<'; nullopt-like (name empty, end 0) when it is not one.
Tag read_tag(std::string_view html, std::size_t pos) {
  Tag tag;
  std::size_t i = pos + 1;
  if (i < html.size() && html[i] == '/') {
    tag.closing = true;
    ++i;
  }
  while (i < html.size() && ((html[i] >= 'a' && html[i] <= 'z') || (html[i] >= 'A' && html[i] <= 'Z') ||
                             (html[i] >= '0' && html[i] <= '9'))) {
    tag.name += lower(html[i]);
    ++i;
  }
  if (tag.name.empty()) return {};
  // To the closing '>', skipping quoted attribute values.
  char quote = 0;
  for (; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      tag.end = i + 1;
      return tag;
    }
  }
  tag.end = html.size();
  return tag;
}

}  // namespace

std::string html_to_text(std::string_view html) {
  TextBuilder out;
  int pre_depth = 0;
  std::size_t i = 0;
  while (i < html.size()) {
    auto lt = html.find('<', i);
    auto run = html.substr(i, (lt == std::string_view::npos ? html.size() : lt) - i);
    if (!run.empty()) out.text(decode_entities(run), pre_depth > 0);
    if (lt == std::string_view::npos) break;
    if (html.substr(lt, 4) == "<!--") {
      auto close = html.find("-->", lt + 4);
      i = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    if (lt + 1 < html.size() && (html[lt + 1] == '!' || html[lt + 1] == '?')) {  // doctype, processing instruction
      auto close = html.find('>', lt);
      i = close == std::string_view::npos ? html.size() : close + 1;
      continue;
    }
    auto tag = read_tag(html, lt);
    if (tag.end == 0) {  // a '<' that starts no tag is text
      out.text("<", pre_depth > 0);
      i = lt + 1;
      continue;
    }
    i = tag.end;
    const auto& name = tag.name;
    if (!tag.closing && among(kSkipped, name)) {
      // Everything up to the matching closing tag goes (case-insensitively found).
      std::string closing = "</" + name;
      std::size_t j = i;
      while (true) {
        auto found = html.find("</", j);
        if (found == std::string_view::npos) {
          i = html.size();
          break;
        }
        std::string candidate;
        for (std::size_t k = found; k < html.size() && k < found + closing.size(); ++k) candidate += lower(html[k]);
        if (candidate == closing) {
          auto close = html.find('>', found);
          i = close == std::string_view::npos ? html.size() : close + 1;
          break;
        }
        j = found + 2;
      }
      continue;
    }
    if (name == "br") {
      out.line_break();
    } else if (name == "li") {
      if (!tag.closing) {
        out.end_line();
        out.raw("- ");
      } else {
        out.end_line();
      }
    } else if (name == "blockquote") {
      out.quote(tag.closing ? -1 : 1);
    } else if (name == "pre") {
      out.end_line();
      pre_depth = std::max(0, pre_depth + (tag.closing ? -1 : 1));
    } else if (name == "td" || name == "th") {
      if (tag.closing) out.text(" ", false);
    } else if (among(kParagraphs, name)) {
      out.paragraph();
    } else if (among(kLineBreaking, name)) {
      out.end_line();
    }
  }
  return out.finish();
}

}  // namespace sigap::channels::email
