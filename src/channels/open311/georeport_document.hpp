#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.hpp"

namespace sigap::channels::open311 {

/// A GeoReport v2 response body, independent of its format. The specification writes XML and
/// derives JSON from it by the Spark convention: a list element (<services> of <service>) is a
/// JSON array of its items, an element with children a JSON object of them, a leaf its value.
/// A Node is one of those: empty (JSON null, XML <x/>), text, a whole or real number, a
/// boolean, an object (named fields, in order) or a list (items that are all named `item_name`
/// in XML).
struct Node {
  enum class Kind { null, text, integer, real, boolean, object, list };

  Kind kind = Kind::null;
  std::string text;
  std::int64_t integer = 0;
  double real = 0;
  bool boolean = false;
  std::vector<std::pair<std::string, Node>> fields;  // object
  std::string item_name;                              // list
  std::vector<Node> items;                            // list

  static Node null() { return {}; }
  static Node of_text(std::string value);
  /// Empty text becomes null: the specification's "may be blank" fields.
  static Node text_or_null(std::string value);
  static Node of_integer(std::int64_t value);
  static Node of_real(double value);
  static Node of_boolean(bool value);
  static Node object();
  static Node list(std::string item_name);

  /// Adds a field to an object; returns *this to chain.
  Node& add(std::string name, Node value);
  /// Adds an item to a list.
  Node& push(Node item);
};

/// A whole document: the root element's name (XML only) and its content.
struct Document {
  std::string root_name;  // "services", "service_definition", "errors", ...
  Node root;
};

/// JSON (RFC 8259): strings escaped, numbers in their shortest exact form, objects' fields in
/// order. A list is an array; the root name is not written.
std::string to_json(const Document& document);
/// XML with the declaration `<?xml version="1.0" encoding="utf-8"?>`, the root element named
/// `root_name`. `internal` when some text cannot be carried by XML 1.0 (control characters, bad
/// UTF-8); see XmlWriter.
Result<std::string> to_xml(const Document& document);

}  // namespace sigap::channels::open311
