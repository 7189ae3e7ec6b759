#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/error.hpp"
#include "domain/master_data/region.hpp"

namespace sigap::app::master_data {

struct RegionImportReport {
  std::size_t provinces = 0;
  std::size_t cities = 0;
  std::size_t districts = 0;
  std::size_t villages = 0;
  [[nodiscard]] std::size_t total() const { return provinces + cities + districts + villages; }
};

/// Reads regions from CSV in the format of the idn-area-data package: a header with `code` and
/// `name` columns and optionally a parent column (`parent_code`, `province_code`,
/// `regency_code` or `district_code`), which must agree with the code. Regions come back
/// parents first. Every bad row is reported as a field error "line N".
Result<std::vector<domain::master_data::Region>> parse_region_csv(std::string_view csv);

/// Parses `csv` and saves every region in one transaction (upserts: importing twice is safe).
/// A region whose parent is neither in the file nor already stored fails the whole import.
Result<RegionImportReport> import_regions(ports::Storage& storage, std::string_view csv);

/// Saves parsed regions through an open transaction, counting them by level.
Result<RegionImportReport> save_regions(ports::MasterDataWriter& writer,
                                        const std::vector<domain::master_data::Region>& regions);

}  // namespace sigap::app::master_data
