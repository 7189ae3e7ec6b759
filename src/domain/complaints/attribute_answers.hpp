#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/master_data/category_attribute.hpp"

namespace sigap::domain::complaints {

/// What a reporter sent for one attribute, as given: one value, or several
/// (`attribute[code][]=a&attribute[code][]=b` in Open311, or the same key repeated).
struct GivenAttribute {
  std::string code;
  std::vector<std::string> values;
  bool operator==(const GivenAttribute&) const = default;
};

/// An answer that passed its definition, normalised: a number as written, a date-time in UTC
/// ("2026-11-26T06:25:00Z"), list keys in the order the definition lists them.
struct AttributeAnswer {
  std::string code;
  std::vector<std::string> values;
  bool operator==(const AttributeAnswer&) const = default;
};

inline constexpr std::size_t kMaxAttributeString = 1000;  // characters of a `string` answer
inline constexpr std::size_t kMaxAttributeText = 4000;    // of a `text` answer

/// Checks the answers against the category's definitions and returns them in the definitions'
/// order. An empty value counts as not given. Refused, every problem at once as a validation
/// error whose field is `attribute[<code>]`: a code the category does not define, an answer to
/// an attribute that takes none (variable false), a required attribute without an answer,
/// several values where one is expected, a string with a line break or over 1,000 characters,
/// a text over 4,000, anything not UTF-8 or holding control characters (tab and line breaks
/// aside), a number that is not a plain decimal ("-12.5"), a date-time that is not W3C with a
/// zone, and a key that is not one of the list's options.
Result<std::vector<AttributeAnswer>> check_attribute_answers(
    const std::vector<master_data::CategoryAttribute>& definitions, const std::vector<GivenAttribute>& given);

}  // namespace sigap::domain::complaints
