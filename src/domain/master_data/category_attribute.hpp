#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::domain::master_data {

/// How a category attribute is answered (Open311 GeoReport v2 `datatype`): a line of text, a
/// number, a date-time, free text with line breaks, one option of a list, or several options.
enum class AttributeDatatype { string, number, datetime, text, singlevaluelist, multivaluelist };

std::string_view to_string(AttributeDatatype datatype);
/// A validation error naming `field` when `text` is none of the six names.
Result<AttributeDatatype> attribute_datatype_from_string(std::string_view text, std::string_view field);
/// singlevaluelist and multivaluelist: answered by the keys of `CategoryAttribute::values`.
bool is_list(AttributeDatatype datatype);

/// One option of a list attribute: `key` is what a client sends, `name` what a person reads.
struct AttributeOption {
  std::string key;
  std::string name;
  bool operator==(const AttributeOption&) const = default;
};

/// An extra question a category asks of every report of its kind ("how deep is the water?"),
/// published to Open311 clients as the service definition of the category. Answers are checked
/// against it (domain/complaints/attribute_answers.hpp) and kept with the case.
struct CategoryAttribute {
  std::string category_code;
  std::string code;                  // unique within the category: letters, digits, '_' and '-'
  bool variable = true;              // false: information shown to the reporter, nothing to answer
  AttributeDatatype datatype = AttributeDatatype::string;
  bool required = false;             // only a variable attribute can be required
  std::string datatype_description;  // how to answer ("angka dalam sentimeter")
  int order = 1;                     // 1 is shown first; unique within the category
  std::string description;           // the question, in Bahasa Indonesia
  std::vector<AttributeOption> values;  // the options of a list datatype, in the order shown
  bool operator==(const CategoryAttribute&) const = default;
};

/// Checks one definition: a code of 1-64 letters, digits, '_' or '-'; a description; order from
/// 1; options (unique, non-empty keys and names) exactly when the datatype is a list; required
/// only when variable. Every problem at once, as a validation error with one field each.
Result<void> check_category_attribute(const CategoryAttribute& attribute);

}  // namespace sigap::domain::master_data
