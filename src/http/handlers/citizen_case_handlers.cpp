#include "http/handlers/citizen_case_handlers.hpp"

#include <boost/json.hpp>

#include "app/complaints/case_photos.hpp"
#include "app/complaints/find_duplicates.hpp"
#include "app/complaints/reporter_access.hpp"
#include "app/complaints/support_case.hpp"
#include "crypto/hashing.hpp"
#include "domain/complaints/contact.hpp"
#include "http/handlers/case_json.hpp"
#include "http/json_body.hpp"
#include "http/photo_form.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;

namespace {

constexpr std::size_t kMinDeviceId = 16;
constexpr std::size_t kMaxDeviceId = 128;

}  // namespace

Response CitizenCaseHandlers::possible_duplicates(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"category", "title", "description", "location", "region_code"});
  app::complaints::DuplicateProbe probe;
  probe.category_code = fields.string("category", true).value_or("");
  probe.text = fields.string("title", false).value_or("") + " " + fields.string("description", true).value_or("");
  probe.kelurahan_code = fields.string("region_code", false).value_or("");
  if (const auto* location = fields.object("location")) {
    JsonFields nested(*location, {"latitude", "longitude", "accuracy_m"}, "location.");
    auto latitude = nested.number("latitude", true);
    auto longitude = nested.number("longitude", true);
    nested.number("accuracy_m", false);
    fields.absorb(nested);
    if (latitude && longitude) {
      auto point = domain::complaints::check_location(*latitude, *longitude, std::nullopt);
      if (!point) {
        for (const auto& problem : point.error().fields()) {
          fields.add_problem("location." + problem.field, problem.message);
        }
      } else {
        probe.location = *point;
      }
    }
  }
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto matches = app::complaints::find_possible_duplicates(open_cases_, clock_.now(), probe);
  if (!matches) return problem_response(matches.error(), request);
  auto items = duplicate_matches_json(*matches);
  auto count = items.size();
  auto response = json_response(json::serialize(json::object{{"items", std::move(items)}, {"count", count}}));
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response CitizenCaseHandlers::support(const Request& request) {
  std::string supporter;
  if (request.actor.kind == domain::access::ActorKind::citizen) {
    supporter = "user:" + std::to_string(request.actor.id);
  } else {
    auto body = parse_json_object(request);
    if (!body) return problem_response(body.error(), request);
    JsonFields fields(*body, {"device"});
    auto device = fields.string("device", true).value_or("");
    if (!device.empty() && (device.size() < kMinDeviceId || device.size() > kMaxDeviceId)) {
      fields.add_problem("device", Text{"Penanda perangkat 16 sampai 128 karakter.",
                                        "A device id has 16 to 128 characters."});
    }
    if (auto problem = fields.error()) return problem_response(*problem, request);
    supporter = "device:" + crypto::sha256_hex(device);  // the id itself is never stored
  }
  auto supported = app::complaints::support_case(storage_, clock_, request.path_param("code"), supporter);
  if (!supported) return problem_response(supported.error(), request);
  auto response = json_response(json::serialize(json::object{{"code", supported->public_code},
                                                             {"supporters", supported->supporters},
                                                             {"counted", supported->counted_now}}),
                                supported->counted_now ? 201 : 200);
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response CitizenCaseHandlers::add_photos(const Request& request) {
  auto form = read_photo_form(request, photos_, {"secret"});
  if (!form) return problem_response(form.error(), request);
  auto fail = [&](const Error& error) {
    photos_->discard(form->photos);
    return problem_response(error, request);
  };
  auto secret = form->fields.find("secret");
  auto complaint = app::complaints::load_as_reporter(storage_, request.path_param("code"),
                                                     secret == form->fields.end() ? "" : secret->second);
  if (!complaint) return fail(complaint.error());
  auto added = app::complaints::add_case_photos(storage_, clock_, *complaint, {"reporter", "reporter", form->photos});
  if (!added) return fail(added.error());
  auto response = json_response(json::serialize(json::object{{"added", form->photos.size()}, {"photos", *added}}), 201);
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace sigap::http::handlers
