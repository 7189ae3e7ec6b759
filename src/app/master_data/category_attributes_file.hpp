#pragma once

#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/master_data/category_attribute.hpp"

namespace sigap::app::master_data {

/// Reads category attribute definitions (the Open311 service definitions) from CSV with the
/// header row
///   category_code,code,variable,datatype,required,order,description,datatype_description,values
/// where variable and required are 0 or 1 and values lists the options of a list datatype as
/// "key:name|key:name". Each definition must pass check_category_attribute; a bad row is a
/// validation error naming its line. Whether the categories exist is left to the database.
Result<std::vector<domain::master_data::CategoryAttribute>> parse_category_attributes(std::string_view csv_text);

}  // namespace sigap::app::master_data
