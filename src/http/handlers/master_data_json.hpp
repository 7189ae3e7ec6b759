#pragma once

#include <boost/json/object.hpp>

#include "domain/master_data/category.hpp"
#include "domain/master_data/region.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::http::handlers {

/// Master data as the API shows it (schemas Region, Unit and Category of api/openapi.yaml), the
/// same for the public reads and the admins' writes.
boost::json::object region_json(const domain::master_data::Region& region);
boost::json::object unit_json(const domain::master_data::Unit& unit);
boost::json::object category_json(const domain::master_data::Category& category);

}  // namespace sigap::http::handlers
