#pragma once

#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/error.hpp"

namespace sigap::app::master_data {

/// The checks admin forms share: a code must name a category or unit that exists. Each adds a
/// field problem ("category_code", "unit_code") to `problems` when it does not; an empty code is
/// "any" and passes. Errors only when storage cannot be asked.
Result<void> check_category_exists(ports::Storage& storage, const std::string& code, std::vector<FieldError>& problems);
Result<void> check_unit_exists(ports::Storage& storage, const std::string& code, std::vector<FieldError>& problems);

}  // namespace sigap::app::master_data
