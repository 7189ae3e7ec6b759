#pragma once

#include <vector>

#include "common/error.hpp"
#include "domain/master_data/category.hpp"

namespace sigap::app::ports {

/// Reads complaint categories. Thread-safe.
class CategoryRepository {
 public:
  virtual ~CategoryRepository() = default;
  /// All categories, ordered by their Indonesian name.
  virtual Result<std::vector<domain::master_data::Category>> list() = 0;
};

}  // namespace sigap::app::ports
