#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::app::ports {

/// Which units to list; an empty field does not filter.
struct UnitFilter {
  std::optional<domain::master_data::UnitType> type;
  std::optional<std::string> parent_code;
};

/// Reads units. Thread-safe.
class UnitRepository {
 public:
  virtual ~UnitRepository() = default;
  /// Units matching `filter`, ordered by code.
  virtual Result<std::vector<domain::master_data::Unit>> list(const UnitFilter& filter) = 0;
  virtual Result<std::optional<domain::master_data::Unit>> find_by_id(std::int64_t id) = 0;
  virtual Result<std::optional<domain::master_data::Unit>> find_by_code(std::string_view code) = 0;
  /// The codes from the root unit down to `code` (inclusive); empty when there is no such unit.
  virtual Result<std::vector<std::string>> path_to(std::string_view code) = 0;
};

}  // namespace sigap::app::ports
