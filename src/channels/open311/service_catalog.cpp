#include "channels/open311/service_catalog.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "channels/open311/open311_errors.hpp"

namespace sigap::channels::open311 {

namespace dm = domain::master_data;

Result<dm::Category> find_service(app::ports::Storage& storage, std::string_view code) {
  auto categories = storage.categories().list();
  if (!categories) return categories.error();
  for (auto& category : *categories) {
    if (category.code == code) return std::move(category);
  }
  return parameter_error(ErrorCode::not_found, "service_code",
                         Text{"Layanan tidak ditemukan; lihat GET services.", "No such service; see GET services."});
}

Result<std::vector<dm::CategoryAttribute>> attributes_of(app::ports::Storage& storage, std::string_view category_code) {
  auto all = storage.open311().category_attributes();
  if (!all) return all.error();
  std::vector<dm::CategoryAttribute> attributes;
  for (auto& attribute : *all) {
    if (attribute.category_code == category_code) attributes.push_back(std::move(attribute));
  }
  std::stable_sort(attributes.begin(), attributes.end(),
                   [](const dm::CategoryAttribute& a, const dm::CategoryAttribute& b) { return a.order < b.order; });
  return attributes;
}

Result<Document> services_document(app::ports::Storage& storage, Language language) {
  auto categories = storage.categories().list();
  if (!categories) return categories.error();
  auto attributes = storage.open311().category_attributes();
  if (!attributes) return attributes.error();
  std::map<std::string, std::optional<dm::Unit>> units;
  Document document{"services", Node::list("service")};
  for (const auto& category : *categories) {
    bool metadata = std::any_of(attributes->begin(), attributes->end(),
                                [&](const dm::CategoryAttribute& a) { return a.category_code == category.code; });
    auto unit = units.find(category.default_unit_code);
    if (unit == units.end()) {
      auto found = storage.units().find_by_code(category.default_unit_code);
      if (!found) return found.error();
      unit = units.emplace(category.default_unit_code, std::move(*found)).first;
    }
    std::string keywords;
    for (const auto& keyword : category.keywords) {
      if (!keywords.empty()) keywords += ", ";
      keywords += keyword;
    }
    auto service = Node::object();
    service.add("service_code", Node::of_text(category.code))
        .add("service_name", Node::of_text(language == Language::en ? category.name_en : category.name_id))
        .add("description", Node::text_or_null(category.description_id))
        .add("metadata", Node::of_boolean(metadata))
        .add("type", Node::of_text("realtime"))
        .add("keywords", Node::text_or_null(keywords))
        .add("group", unit->second ? Node::of_text(unit->second->name) : Node::null());
    document.root.push(std::move(service));
  }
  return document;
}

Result<Document> service_definition_document(app::ports::Storage& storage, std::string_view service_code) {
  auto category = find_service(storage, service_code);
  if (!category) return category.error();
  auto attributes = attributes_of(storage, category->code);
  if (!attributes) return attributes.error();
  auto list = Node::list("attribute");
  for (const auto& attribute : *attributes) {
    auto item = Node::object();
    item.add("variable", Node::of_boolean(attribute.variable))
        .add("code", Node::of_text(attribute.code))
        .add("datatype", Node::of_text(std::string(dm::to_string(attribute.datatype))))
        .add("required", Node::of_boolean(attribute.required))
        .add("datatype_description", Node::text_or_null(attribute.datatype_description))
        .add("order", Node::of_integer(attribute.order))
        .add("description", Node::of_text(attribute.description));
    if (dm::is_list(attribute.datatype)) {
      auto values = Node::list("value");
      for (const auto& option : attribute.values) {
        values.push(std::move(Node::object().add("key", Node::of_text(option.key)).add("name", Node::of_text(option.name))));
      }
      item.add("values", std::move(values));
    }
    list.push(std::move(item));
  }
  Document document{"service_definition", Node::object()};
  document.root.add("service_code", Node::of_text(category->code)).add("attributes", std::move(list));
  return document;
}

}  // namespace sigap::channels::open311
