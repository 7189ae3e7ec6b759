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

  // What admins do (app/master_data/units_admin, categories_admin): a new code must be new, and
  // an edit changes a row that exists; the code itself never changes (others refer to it).
  /// Adds a unit and returns its id; `conflict` when its code is taken or its parent or region
  /// does not exist.
  virtual Result<std::int64_t> insert_unit(const domain::master_data::Unit& unit) = 0;
  /// Replaces every field but the code of the unit with `unit.code`; false when there is none.
  virtual Result<bool> update_unit(const domain::master_data::Unit& unit) = 0;
  /// Adds a category and returns its id; `conflict` when its code is taken or its default unit
  /// does not exist.
  virtual Result<std::int64_t> insert_category(const domain::master_data::Category& category) = 0;
  /// Replaces every field but the code of the category with `category.code`; false when there
  /// is none.
  virtual Result<bool> update_category(const domain::master_data::Category& category) = 0;
};

}  // namespace sigap::app::ports
