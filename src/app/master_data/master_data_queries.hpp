#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/error.hpp"

namespace sigap::app::master_data {

/// The read side of master data, as the public API offers it. Validates its inputs and turns
/// a missing object into `not_found`. Thread-safe (holds only the storage reference).
class MasterDataQueries {
 public:
  explicit MasterDataQueries(ports::Storage& storage) : storage_(storage) {}

  /// Children of `parent_code` ("" = provinces). An unknown parent is `not_found`.
  Result<std::vector<domain::master_data::Region>> list_regions(std::string_view parent_code);
  Result<domain::master_data::Region> get_region(std::string_view code);

  /// `type` and `parent` as given in the query string; empty means no filter. An unknown
  /// parent unit is `not_found`.
  Result<std::vector<domain::master_data::Unit>> list_units(std::string_view type, std::string_view parent);
  /// By numeric id or by code.
  Result<domain::master_data::Unit> get_unit(std::string_view id_or_code);

  Result<std::vector<domain::master_data::Category>> list_categories();

 private:
  ports::Storage& storage_;
};

/// The bilingual "not found" for a kind of thing ("wilayah"/"region").
Error not_found(std::string_view what_id, std::string_view what_en, std::string_view key);

}  // namespace sigap::app::master_data
