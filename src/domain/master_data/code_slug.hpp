#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::domain::master_data {

/// The codes of units and categories ("dinas-pupr", "kelurahan-16.71.01.1001", "jalan-rusak"):
/// stable slugs that URLs, data files and routing rules carry. 2 to 64 characters of a-z, 0-9,
/// '.', '-' and '_', beginning and ending with a letter or digit.
bool is_code_slug(std::string_view code);

/// Adds a problem on `field` to `problems` when `code` is not a slug (or is empty).
void check_code_slug(std::string_view code, std::string_view field, std::vector<FieldError>& problems);

}  // namespace sigap::domain::master_data
