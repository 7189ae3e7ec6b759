#pragma once

#include <cstdint>

#include "common/error.hpp"
#include "domain/master_data/category.hpp"
#include "domain/master_data/region.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::app::ports {

/// Writes master data inside a Transaction. Each save is an upsert keyed by the code, so an
/// import can be run again. A parent (region, unit) must be saved before its children; a
/// missing parent or default unit is a `conflict` error.
class MasterDataWriter {
 public:
  virtual ~MasterDataWriter() = default;
  virtual Result<void> save_region(const domain::master_data::Region& region) = 0;
  /// Returns the unit's id.
  virtual Result<std::int64_t> save_unit(const domain::master_data::Unit& unit) = 0;
  /// Returns the category's id.
  virtual Result<std::int64_t> save_category(const domain::master_data::Category& category) = 0;
};

}  // namespace sigap::app::ports
