#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "channels/open311/georeport_document.hpp"
#include "common/text.hpp"
#include "domain/master_data/category.hpp"
#include "domain/master_data/category_attribute.hpp"

namespace sigap::channels::open311 {

/// GeoReport `GET services`: every complaint category as a service. service_code is the
/// category code; service_name its name in `language`; description its Indonesian description;
/// metadata true when it has attributes; type realtime (POST requests answers with the
/// service_request_id at once); keywords its suggestion keywords; group the name of the unit
/// that handles it by default.
Result<Document> services_document(app::ports::Storage& storage, Language language);

/// GeoReport `GET services/{service_code}`: the category's attributes in order, as
/// <service_definition>. `not_found` for a code that names no category.
Result<Document> service_definition_document(app::ports::Storage& storage, std::string_view service_code);

/// The category `code` names, or `not_found` naming the service_code parameter.
Result<domain::master_data::Category> find_service(app::ports::Storage& storage, std::string_view code);

/// The attributes of `category_code`, in order.
Result<std::vector<domain::master_data::CategoryAttribute>> attributes_of(app::ports::Storage& storage,
                                                                          std::string_view category_code);

}  // namespace sigap::channels::open311
