#pragma once

#include "app/master_data/master_data_queries.hpp"
#include "app/ports/storage.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// GET regions, units and categories; POST a region name search. Thin: parse, call the use
/// case, serialise.
class MasterDataHandlers {
 public:
  explicit MasterDataHandlers(app::ports::Storage& storage) : storage_(storage), queries_(storage) {}

  Response list_regions(const Request& request);
  Response get_region(const Request& request);
  Response search_regions(const Request& request);
  Response list_units(const Request& request);
  Response get_unit(const Request& request);
  Response list_categories(const Request& request);

 private:
  app::ports::Storage& storage_;
  app::master_data::MasterDataQueries queries_;
};

}  // namespace sigap::http::handlers
