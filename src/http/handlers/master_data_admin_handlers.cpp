#include "http/handlers/master_data_admin_handlers.hpp"

#include <boost/json.hpp>

#include "app/audit/record_audit.hpp"
#include "app/master_data/categories_admin.hpp"
#include "app/master_data/units_admin.hpp"
#include "http/handlers/master_data_json.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace dm = domain::master_data;
namespace json = boost::json;

namespace {

// Only the JSON types are checked here; the use case says what is wrong with the values, all
// fields at once (an empty name, an unknown parent, a bad service-hours text, ...).
Result<app::master_data::UnitForm> unit_form(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return body.error();
  JsonFields fields(*body, {"code", "type", "name", "parent_code", "region_code", "service_hours_text",
                            "office_location", "time_zone"});
  app::master_data::UnitForm form;
  form.code = fields.string("code", false).value_or("");
  form.type = fields.string("type", false).value_or("");
  form.name = fields.string("name", false).value_or("");
  form.parent_code = fields.string("parent_code", false).value_or("");
  form.region_code = fields.string("region_code", false).value_or("");
  form.service_hours_text = fields.string("service_hours_text", false).value_or("");
  form.time_zone = fields.string("time_zone", false).value_or("Asia/Jakarta");
  if (const auto* location = fields.object("office_location")) {
    JsonFields nested(*location, {"latitude", "longitude"}, "office_location.");
    auto latitude = nested.number("latitude", true);
    auto longitude = nested.number("longitude", true);
    if (latitude && longitude) form.office_location = dm::GeoPoint{*latitude, *longitude};
    fields.absorb(nested);
  }
  if (auto problem = fields.error()) return *problem;
  return form;
}

Result<dm::Category> category_form(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return body.error();
  JsonFields fields(*body, {"code", "name", "name_en", "description", "default_unit_code", "keywords", "field_work"});
  dm::Category category;
  category.code = fields.string("code", false).value_or("");
  category.name_id = fields.string("name", false).value_or("");
  category.name_en = fields.string("name_en", false).value_or("");
  category.description_id = fields.string("description", false).value_or("");
  category.default_unit_code = fields.string("default_unit_code", false).value_or("");
  category.field_work = fields.boolean("field_work", false).value_or(false);
  if (const auto* keywords = body->if_contains("keywords"); keywords && !keywords->is_null()) {
    if (!keywords->is_array()) {
      fields.add_problem("keywords", Text{"Harus berupa daftar teks.", "Must be a list of strings."});
    } else {
      for (std::size_t i = 0; i < keywords->as_array().size(); ++i) {
        const auto& keyword = keywords->as_array()[i];
        if (keyword.is_string()) {
          category.keywords.emplace_back(keyword.as_string());
        } else {
          fields.add_problem("keywords[" + std::to_string(i) + "]", Text{"Harus berupa teks.", "Must be a string."});
        }
      }
    }
  }
  if (auto problem = fields.error()) return *problem;
  return category;
}

Response created(json::object body, const std::string& location) {
  auto response = json_response(json::serialize(body), 201);
  response.set_header("Location", location);
  return response;
}

}  // namespace

Response MasterDataAdminHandlers::create_unit(const Request& request) {
  auto form = unit_form(request);
  if (!form) return problem_response(form.error(), request);
  auto unit = app::master_data::UnitsAdmin(storage_, clock_).create(*form, app::audit::audit_name(request.actor));
  if (!unit) return problem_response(unit.error(), request);
  intake_.directory().invalidate();
  units_.invalidate();
  return created(unit_json(*unit), "/api/v1/units/" + std::to_string(unit->id));
}

Response MasterDataAdminHandlers::update_unit(const Request& request) {
  auto form = unit_form(request);
  if (!form) return problem_response(form.error(), request);
  auto unit = app::master_data::UnitsAdmin(storage_, clock_)
                  .update(request.path_param("id"), *form, app::audit::audit_name(request.actor));
  if (!unit) return problem_response(unit.error(), request);
  intake_.directory().invalidate();
  units_.invalidate();
  return json_response(json::serialize(unit_json(*unit)));
}

Response MasterDataAdminHandlers::create_category(const Request& request) {
  auto form = category_form(request);
  if (!form) return problem_response(form.error(), request);
  auto category =
      app::master_data::CategoriesAdmin(storage_, clock_).create(*form, app::audit::audit_name(request.actor));
  if (!category) return problem_response(category.error(), request);
  intake_.directory().invalidate();
  return json_response(json::serialize(category_json(*category)), 201);
}

Response MasterDataAdminHandlers::update_category(const Request& request) {
  auto form = category_form(request);
  if (!form) return problem_response(form.error(), request);
  auto category = app::master_data::CategoriesAdmin(storage_, clock_)
                      .update(request.path_param("id"), *form, app::audit::audit_name(request.actor));
  if (!category) return problem_response(category.error(), request);
  intake_.directory().invalidate();
  return json_response(json::serialize(category_json(*category)));
}

}  // namespace sigap::http::handlers
