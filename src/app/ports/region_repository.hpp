#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/master_data/region.hpp"

namespace sigap::app::ports {

/// Reads regions (the Kemendagri hierarchy). Thread-safe: may be called from any thread.
class RegionRepository {
 public:
  virtual ~RegionRepository() = default;
  /// The direct children of `parent_code` in code order; "" gives the provinces.
  virtual Result<std::vector<domain::master_data::Region>> children_of(std::string_view parent_code) = 0;
  virtual Result<std::optional<domain::master_data::Region>> find(std::string_view code) = 0;
  /// Every region of one level, in code order.
  virtual Result<std::vector<domain::master_data::Region>> at_level(domain::master_data::RegionLevel level) = 0;
};

}  // namespace sigap::app::ports
