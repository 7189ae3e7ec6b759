#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/error.hpp"

namespace sigap::app::master_data {

/// The checks admin forms share: a code must name a category, unit or region that exists. Each
/// adds a problem on `field` to `problems` when it does not; an empty code is "any" (or "none")
/// and passes. Errors only when storage cannot be asked.
Result<void> check_category_exists(ports::Storage& storage, const std::string& code, std::vector<FieldError>& problems,
                                   std::string_view field = "category_code");
Result<void> check_unit_exists(ports::Storage& storage, const std::string& code, std::vector<FieldError>& problems,
                               std::string_view field = "unit_code");
Result<void> check_region_exists(ports::Storage& storage, const std::string& code, std::vector<FieldError>& problems,
                                 std::string_view field = "region_code");

}  // namespace sigap::app::master_data
