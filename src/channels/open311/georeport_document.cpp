#include "channels/open311/georeport_document.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <fmt/format.h>

#include "channels/open311/xml_writer.hpp"

namespace sigap::channels::open311 {

namespace {

std::string number_text(const Node& node) {
  return node.kind == Node::Kind::integer ? std::to_string(node.integer) : fmt::format("{}", node.real);
}

void append_json(std::string& out, const Node& node) {
  switch (node.kind) {
    case Node::Kind::null:
      out += "null";
      return;
    case Node::Kind::text:
      out += boost::json::serialize(boost::json::string(node.text));
      return;
    case Node::Kind::integer:
    case Node::Kind::real:
      out += number_text(node);
      return;
    case Node::Kind::boolean:
      out += node.boolean ? "true" : "false";
      return;
    case Node::Kind::object: {
      out += '{';
      bool first = true;
      for (const auto& [name, value] : node.fields) {
        if (!first) out += ',';
        first = false;
        out += boost::json::serialize(boost::json::string(name));
        out += ':';
        append_json(out, value);
      }
      out += '}';
      return;
    }
    case Node::Kind::list: {
      out += '[';
      bool first = true;
      for (const auto& item : node.items) {
        if (!first) out += ',';
        first = false;
        append_json(out, item);
      }
      out += ']';
      return;
    }
  }
}

void write_xml(XmlWriter& xml, std::string_view name, const Node& node) {
  switch (node.kind) {
    case Node::Kind::null:
      xml.empty_element(name);
      return;
    case Node::Kind::text:
      xml.text_element(name, node.text);
      return;
    case Node::Kind::integer:
    case Node::Kind::real:
      xml.text_element(name, number_text(node));
      return;
    case Node::Kind::boolean:
      xml.text_element(name, node.boolean ? "true" : "false");
      return;
    case Node::Kind::object:
      xml.open(name);
      for (const auto& [field, value] : node.fields) write_xml(xml, field, value);
      xml.close();
      return;
    case Node::Kind::list:
      xml.open(name);
      for (const auto& item : node.items) write_xml(xml, node.item_name, item);
      xml.close();
      return;
  }
}

}  // namespace

Node Node::of_text(std::string value) {
  Node node;
  node.kind = Kind::text;
  node.text = std::move(value);
  return node;
}

Node Node::text_or_null(std::string value) { return value.empty() ? Node{} : of_text(std::move(value)); }

Node Node::of_integer(std::int64_t value) {
  Node node;
  node.kind = Kind::integer;
  node.integer = value;
  return node;
}

Node Node::of_real(double value) {
  Node node;
  node.kind = Kind::real;
  node.real = value;
  return node;
}

Node Node::of_boolean(bool value) {
  Node node;
  node.kind = Kind::boolean;
  node.boolean = value;
  return node;
}

Node Node::object() {
  Node node;
  node.kind = Kind::object;
  return node;
}

Node Node::list(std::string item_name) {
  Node node;
  node.kind = Kind::list;
  node.item_name = std::move(item_name);
  return node;
}

Node& Node::add(std::string name, Node value) {
  fields.emplace_back(std::move(name), std::move(value));
  return *this;
}

Node& Node::push(Node item) {
  items.push_back(std::move(item));
  return *this;
}

std::string to_json(const Document& document) {
  std::string out;
  append_json(out, document.root);
  return out;
}

Result<std::string> to_xml(const Document& document) {
  XmlWriter xml;
  write_xml(xml, document.root_name, document.root);
  return xml.finish();
}

}  // namespace sigap::channels::open311
