#include "support/xml_tree.hpp"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <boost/json.hpp>

namespace sigap::testing {

namespace {

XmlElement convert(xmlNode* node) {
  XmlElement element;
  element.name = reinterpret_cast<const char*>(node->name);
  for (xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      element.children.push_back(convert(child));
      element.empty = false;
    } else if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content) element.text += reinterpret_cast<const char*>(child->content);
      element.empty = false;
    }
  }
  if (!element.children.empty()) element.text.clear();  // whitespace between child elements
  return element;
}

}  // namespace

const XmlElement* XmlElement::child(std::string_view child_name) const {
  for (const auto& candidate : children) {
    if (candidate.name == child_name) return &candidate;
  }
  return nullptr;
}

std::vector<std::string> XmlElement::child_names() const {
  std::vector<std::string> names;
  for (const auto& candidate : children) names.push_back(candidate.name);
  return names;
}

std::optional<XmlElement> parse_xml(std::string_view document, std::string* error) {
  xmlDocPtr doc = xmlReadMemory(document.data(), static_cast<int>(document.size()), "response.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    if (error) {
      const xmlError* last = xmlGetLastError();
      *error = last && last->message ? last->message : "not well-formed";
    }
    return std::nullopt;
  }
  auto root = convert(xmlDocGetRootElement(doc));
  xmlFreeDoc(doc);
  return root;
}

const std::set<std::string>& georeport_lists() {
  static const std::set<std::string> lists{"services", "attributes", "values", "service_requests",
                                           "errors",   "endpoints",  "formats"};
  return lists;
}

void expect_spark_twins(const XmlElement& xml, const boost::json::value& json, const std::set<std::string>& lists,
                        const std::string& where) {
  if (lists.contains(xml.name)) {
    ASSERT_TRUE(json.is_array()) << where << " should be an array";
    const auto& array = json.as_array();
    ASSERT_EQ(xml.children.size(), array.size()) << where;
    for (std::size_t i = 0; i < array.size(); ++i) {
      expect_spark_twins(xml.children[i], array[i], lists,
                         where + "/" + xml.children[i].name + "[" + std::to_string(i) + "]");
    }
  } else if (!xml.children.empty()) {
    ASSERT_TRUE(json.is_object()) << where << " should be an object";
    const auto& object = json.as_object();
    ASSERT_EQ(xml.children.size(), object.size()) << where;
    auto field = object.begin();
    for (const auto& child : xml.children) {
      EXPECT_EQ(child.name, std::string(field->key())) << where << ": the same fields in the same order";
      expect_spark_twins(child, field->value(), lists, where + "/" + child.name);
      ++field;
    }
  } else if (json.is_null()) {
    EXPECT_TRUE(xml.empty) << where << " should be empty";
  } else if (json.is_string()) {
    EXPECT_EQ(xml.text, std::string(json.as_string())) << where;
  } else if (json.is_bool()) {
    EXPECT_EQ(xml.text, json.as_bool() ? "true" : "false") << where;
  } else if (json.is_array() || json.is_object()) {
    ADD_FAILURE() << where << " is a leaf in XML but not in JSON";
  } else {
    auto number = boost::json::parse(xml.text);
    EXPECT_EQ(number.to_number<double>(), json.to_number<double>()) << where;
  }
}

std::string declared_encoding(std::string_view document) {
  if (!document.starts_with("<?xml ")) return {};
  auto end = document.find("?>");
  auto declaration = document.substr(0, end);
  auto at = declaration.find("encoding=\"");
  if (at == std::string_view::npos) return {};
  at += 10;
  return std::string(declaration.substr(at, declaration.find('"', at) - at));
}

}  // namespace sigap::testing
