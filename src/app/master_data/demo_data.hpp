#pragma once

#include <cstddef>
#include <string_view>

#include "app/master_data/region_import.hpp"
#include "app/ports/storage.hpp"

namespace sigap::app::master_data {

struct DemoDataReport {
  RegionImportReport regions;
  std::size_t units = 0;
  std::size_t categories = 0;
  std::size_t category_attributes = 0;
};

/// The data files that make up a city's master data.
struct CityDataFiles {
  std::string_view regions_csv;     // idn-area-data format (see parse_region_csv)
  std::string_view units_csv;       // code,type,name,parent_code,region_code,service_hours,latitude,longitude
  std::string_view categories_csv;  // code,name_id,name_en,default_unit_code,keywords,description_id,field_work
  std::string_view city_unit_code;  // parent of the generated kecamatan offices
  std::string_view category_attributes_csv;  // Open311 service definitions (parse_category_attributes); may be empty
};

/// Loads a city in one transaction: its regions, its listed units, one kecamatan office per
/// district ("kecamatan-16.71.01") under the city unit and one kelurahan office per village
/// ("kelurahan-16.71.01.1001") under its kecamatan office, then its categories and their
/// attributes. Safe to run again (upserts).
Result<DemoDataReport> load_city_data(ports::Storage& storage, const CityDataFiles& files);

/// load_city_data with the Palembang files embedded in the binary.
Result<DemoDataReport> load_palembang_demo_data(ports::Storage& storage);

}  // namespace sigap::app::master_data
