#pragma once

#include <string_view>

namespace sigap::app::master_data {

/// The Palembang demo data files under data/palembang/, embedded in the binary at build time.
std::string_view palembang_regions_csv();
std::string_view palembang_units_csv();
std::string_view palembang_categories_csv();
std::string_view palembang_category_attributes_csv();

}  // namespace sigap::app::master_data
