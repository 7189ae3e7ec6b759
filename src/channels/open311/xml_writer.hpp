#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::channels::open311 {

/// Writes a small, well-formed XML 1.0 document in UTF-8: the declaration, nested elements and
/// character data, nothing else (no attributes, namespaces or comments: GeoReport v2 uses none).
/// Text is escaped (& < > " ' and CR as character references); element names must be simple
/// (a letter or '_', then letters, digits, '_', '-', '.'). Text that is not UTF-8, or holds a
/// character XML 1.0 forbids (controls other than tab, LF and CR; U+FFFE, U+FFFF), is refused:
/// the first such problem makes finish() an `internal` error, and nothing half-written escapes.
/// Not thread-safe; one document per writer.
class XmlWriter {
 public:
  XmlWriter();

  /// <name>
  void open(std::string_view name);
  /// </name> of the innermost open element.
  void close();
  /// <name>text</name>
  void text_element(std::string_view name, std::string_view text);
  /// <name/>
  void empty_element(std::string_view name);

  /// The document; every opened element must have been closed.
  Result<std::string> finish();

 private:
  bool check_name(std::string_view name);
  void append_text(std::string_view text);

  std::string out_;
  std::vector<std::string> open_;
  std::string problem_;  // the first problem met; empty while all is well
};

/// Whether `text` is character data XML 1.0 can carry: valid UTF-8 (no overlong forms, no
/// surrogates) without the characters it forbids.
bool is_xml_text(std::string_view text);

}  // namespace sigap::channels::open311
