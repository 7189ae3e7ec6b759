#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace sigap::testing {

/// An XML element as a test reads it: its name, its text (the concatenated character data of
/// an element without child elements) and its child elements in order.
struct XmlElement {
  std::string name;
  std::string text;
  bool empty = true;  // no character data and no children: <x/> or <x></x>
  std::vector<XmlElement> children;

  /// The first child named `name`, or null.
  [[nodiscard]] const XmlElement* child(std::string_view child_name) const;
  /// The names of the children, in order.
  [[nodiscard]] std::vector<std::string> child_names() const;
};

/// Parses a whole document with libxml2 (no network, no entity expansion): nullopt, with the
/// parser's complaint in `error`, when it is not well-formed XML.
std::optional<XmlElement> parse_xml(std::string_view document, std::string* error = nullptr);

/// Checks, as GoogleTest expectations, that `xml` and `json` are twins by the Spark convention
/// (wiki.open311.org/JSON_and_XML_Conversion) that GeoReport v2 uses: an element named in
/// `lists` is an array of its children, another element with children an object of them (same
/// names, same order), an empty element null, a leaf its text (string, number or boolean).
/// `where` prefixes the messages.
void expect_spark_twins(const XmlElement& xml, const boost::json::value& json, const std::set<std::string>& lists,
                        const std::string& where);

/// The list elements of GeoReport v2 and its discovery document.
const std::set<std::string>& georeport_lists();

/// The encoding the XML declaration names ("utf-8"), or "" when there is no declaration.
std::string declared_encoding(std::string_view document);

}  // namespace sigap::testing
