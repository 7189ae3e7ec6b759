#include "channels/open311/discovery.hpp"

#include "channels/open311/open311_errors.hpp"
#include "channels/open311/service_catalog.hpp"
#include "common/time_format.hpp"
#include "crypto/hashing.hpp"

namespace sigap::channels::open311 {

namespace dm = domain::master_data;

Result<void> check_jurisdiction(const Open311Settings& settings, std::string_view given) {
  if (given.empty() || given == settings.jurisdiction_id) return {};
  return parameter_error(ErrorCode::not_found, "jurisdiction_id",
                         Text{"Yurisdiksi ini tidak dilayani di sini; gunakan " + settings.jurisdiction_id + ".",
                              "This jurisdiction is not served here; use " + settings.jurisdiction_id + "."});
}

Result<Document> Discovery::document(std::string_view base_url, Language language) {
  // The catalogue as clients cache it: the service list and every definition.
  auto services = services_document(storage_, Language::id);
  if (!services) return services.error();
  auto attributes = storage_.open311().category_attributes();
  if (!attributes) return attributes.error();
  std::string catalogue = to_json(*services);
  for (const auto& attribute : *attributes) {
    catalogue += '\n' + attribute.category_code + '\t' + attribute.code + '\t' + (attribute.variable ? "1" : "0") +
                 '\t' + std::string(dm::to_string(attribute.datatype)) + '\t' + (attribute.required ? "1" : "0") + '\t' +
                 attribute.datatype_description + '\t' + std::to_string(attribute.order) + '\t' + attribute.description;
    for (const auto& option : attribute.values) catalogue += '\t' + option.key + '=' + option.name;
  }
  auto fingerprint = crypto::sha256_hex(catalogue);
  std::string changeset;
  {
    std::lock_guard lock(mutex_);
    if (fingerprint != fingerprint_) {
      fingerprint_ = fingerprint;
      changed_at_ = clock_.now();
    }
    changeset = format_utc(changed_at_);
  }

  auto formats = Node::list("format");
  formats.push(Node::of_text("text/xml")).push(Node::of_text("application/json"));
  auto endpoint = Node::object();
  endpoint.add("specification", Node::of_text(std::string(kGeoReportV2)))
      .add("url", Node::of_text(std::string(base_url) + "/open311/v2"))
      .add("changeset", Node::of_text(changeset))
      .add("type", Node::of_text("production"))
      .add("formats", std::move(formats));
  auto endpoints = Node::list("endpoint");
  endpoints.push(std::move(endpoint));
  Text key_service{"Kunci API dengan izin submit_case dibuat oleh admin Sigap kota ini; hubungi " +
                       settings_.contact + ".",
                   "API keys with the submit_case scope are issued by this city's Sigap administrators; contact " +
                       settings_.contact + "."};
  Document document{"discovery", Node::object()};
  document.root.add("changeset", Node::of_text(changeset))
      .add("contact", Node::of_text(settings_.contact))
      .add("key_service", Node::of_text(key_service.in(language)))
      .add("endpoints", std::move(endpoints));
  return document;
}

}  // namespace sigap::channels::open311
