#include "http/handlers/case_work_handlers.hpp"

#include <boost/json.hpp>

#include "app/audit/record_audit.hpp"
#include "app/complaints/case_access.hpp"
#include "app/complaints/case_messages.hpp"
#include "app/complaints/case_photos.hpp"
#include "common/time_format.hpp"
#include "http/handlers/case_request.hpp"
#include "http/json_body.hpp"
#include "http/photo_form.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;

Response CaseWorkHandlers::post_message(const Request& request) {
  auto id = case_id(request);
  if (!id) return no_such_case(request);
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"kind", "text"});
  app::complaints::CaseMessage message;
  message.kind = fields.string("kind", true).value_or("");
  message.text = fields.string("text", true).value_or("");
  if (auto problem = fields.error()) return problem_response(*problem, request);
  message.expected_version = expected_version(request);
  auto posted = app::complaints::post_case_message(storage_, clock_, sla_rules_, request.actor, *id, message);
  if (!posted) return problem_response(posted.error(), request);
  auto response = json_response(json::serialize(json::object{{"type", posted->type},
                                                             {"public", posted->is_public},
                                                             {"at", format_utc(posted->at)},
                                                             {"text", posted->detail}}),
                                201);
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response CaseWorkHandlers::add_after_photos(const Request& request) {
  auto id = case_id(request);
  if (!id) return no_such_case(request);
  // Scope first: a case out of scope is 404 before any byte of the photos is looked at.
  auto complaint = app::complaints::load_case(storage_, request.actor, *id, domain::access::Action::work_case);
  if (!complaint) return problem_response(complaint.error(), request);
  auto form = read_photo_form(request, photos_, {});
  if (!form) return problem_response(form.error(), request);
  auto added = app::complaints::add_case_photos(storage_, clock_, *complaint,
                                                {"after", app::audit::audit_name(request.actor), form->photos});
  if (!added) {
    photos_->discard(form->photos);
    return problem_response(added.error(), request);
  }
  auto response = json_response(json::serialize(json::object{{"added", form->photos.size()}, {"photos", *added}}), 201);
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace sigap::http::handlers
