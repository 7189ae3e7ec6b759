#include "http/handlers/complaint_handlers.hpp"

#include <charconv>

#include <boost/json.hpp>

#include "app/audit/record_audit.hpp"
#include "app/complaints/act_on_case.hpp"
#include "app/complaints/case_access.hpp"
#include "app/complaints/list_cases.hpp"
#include "domain/complaints/case_filter.hpp"
#include "app/complaints/reporter_actions.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "app/complaints/track_complaint.hpp"
#include "domain/identity/masking.hpp"
#include "common/time_format.hpp"
#include "crypto/hashing.hpp"
#include "http/handlers/case_json.hpp"
#include "http/handlers/case_request.hpp"
#include "http/json_body.hpp"
#include "http/multipart.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace dc = domain::complaints;

namespace {

constexpr std::size_t kMaxIdempotencyKey = 128;
// Dates in list filters (submitted_from=2026-11-01) are whole days on the city's clock: WIB
// for Palembang. Date-times with Z or an offset are taken as given.
constexpr auto kListDateZone = domain::sla::UnitTimeZone::wib;

json::value time_or_null(const std::optional<TimePoint>& time) {
  return time ? json::value(format_utc(*time)) : json::value(nullptr);
}

json::object deadlines_json(const dc::Deadlines& deadlines) {
  return json::object{{"verify", time_or_null(deadlines.verify)},
                      {"first_response", time_or_null(deadlines.first_response)},
                      {"resolve", time_or_null(deadlines.resolve)}};
}

std::string tracking_path(const std::string& code) { return "/lacak/" + code; }

// The draft from the JSON body; every type problem is collected in `fields`.
dc::IntakeDraft draft_from(const json::object& body, JsonFields& fields, std::string language) {
  dc::IntakeDraft draft;
  draft.language = std::move(language);
  draft.description = fields.string("description", true).value_or("");
  draft.title = fields.string("title", false).value_or("");
  draft.category_code = fields.string("category", false).value_or("");
  draft.address = fields.string("address", false).value_or("");
  draft.region_code = fields.string("region_code", false).value_or("");
  draft.kind = fields.string("kind", false).value_or("complaint");
  draft.channel = fields.string("channel", false).value_or("web");
  draft.anonymous = fields.boolean("anonymous", false).value_or(false);
  draft.confidential = fields.boolean("confidential", false).value_or(false);
  if (auto language = fields.string("language", false)) draft.language = *language;
  draft.notify = fields.string("notify", false).value_or("");
  if (const auto* location = fields.object("location")) {
    JsonFields nested(*location, {"latitude", "longitude", "accuracy_m"}, "location.");
    draft.latitude = nested.number("latitude", true);
    draft.longitude = nested.number("longitude", true);
    draft.accuracy_m = nested.number("accuracy_m", false);
    fields.absorb(nested);
  }
  if (const auto* reporter = fields.object("reporter")) {
    JsonFields nested(*reporter, {"name", "phone", "email", "nik"}, "reporter.");
    draft.reporter_name = nested.string("name", false).value_or("");
    draft.reporter_phone = nested.string("phone", false).value_or("");
    draft.reporter_email = nested.string("email", false).value_or("");
    draft.reporter_nik = nested.string("nik", false).value_or("");
    fields.absorb(nested);
  }
  (void)body;
  return draft;
}

json::value location_json(const dc::Complaint& complaint) {
  if (!complaint.location) return nullptr;
  json::object out{{"latitude", complaint.location->latitude}, {"longitude", complaint.location->longitude}};
  out["accuracy_m"] = complaint.accuracy_m ? json::value(*complaint.accuracy_m) : json::value(nullptr);
  return out;
}

json::object staff_view(const dc::Complaint& complaint) {
  namespace masking = domain::identity;
  json::array allowed;
  for (auto action : dc::allowed_actions(complaint.status)) allowed.emplace_back(dc::to_string(action));
  json::value reporter = nullptr;
  if (!complaint.anonymous) {
    reporter = json::object{{"name", masking::mask_name(complaint.reporter.name)},
                            {"phone", masking::mask_phone(complaint.reporter.phone)},
                            {"email", masking::mask_email(complaint.reporter.email)},
                            {"nik", masking::mask_nik(complaint.reporter.nik)},
                            {"masked", true}};
  }
  return json::object{{"id", complaint.id},
                      {"code", complaint.public_code},
                      {"status", dc::to_string(complaint.status)},
                      {"allowed_actions", std::move(allowed)},
                      {"kind", dc::to_string(complaint.kind)},
                      {"title", complaint.title},
                      {"description", complaint.description},
                      {"category", complaint.category_code.empty() ? json::value(nullptr)
                                                                   : json::value(complaint.category_code)},
                      {"category_suggested", complaint.category_suggested},
                      {"region_code", complaint.region_code.empty() ? json::value(nullptr)
                                                                    : json::value(complaint.region_code)},
                      {"location", location_json(complaint)},
                      {"unit", complaint.unit_code},
                      {"channel", dc::to_string(complaint.channel)},
                      {"anonymous", complaint.anonymous},
                      {"confidential", complaint.confidential},
                      {"reporter", std::move(reporter)},
                      {"submitted_at", format_utc(complaint.submitted_at)},
                      {"updated_at", format_utc(complaint.updated_at)},
                      {"deadlines", deadlines_json(complaint.deadlines)},
                      {"sla", json::object{{"target", complaint.sla_target.empty()
                                                           ? json::value(nullptr)
                                                           : json::value(complaint.sla_target)},
                                           {"due_at", time_or_null(complaint.due_at)},
                                           {"level", complaint.sla_level}}},
                      {"version", complaint.version}};
}

Response case_response(const dc::Complaint& complaint, int status = 200) {
  auto response = json_response(json::serialize(staff_view(complaint)), status);
  response.set_header("ETag", etag_of(complaint));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

Response ComplaintHandlers::list(const Request& request) {
  auto filter = dc::parse_case_filter(request.query, kListDateZone, dc::staff_list_parameters());
  if (!filter) return problem_response(filter.error(), request);
  auto page = app::complaints::list_cases(storage_, request.actor, std::move(*filter), clock_.now());
  if (!page) return problem_response(page.error(), request);
  json::array items;
  // The list shows no reporter, not even masked: it is read without personal data (the case
  // itself shows the masked contact).
  for (const auto& complaint : page->items) {
    auto item = staff_view(complaint);
    item.erase("reporter");
    items.push_back(std::move(item));
  }
  json::object out{{"count", items.size()}};
  out["next_cursor"] = page->next_cursor ? json::value(*page->next_cursor) : json::value(nullptr);
  out["items"] = std::move(items);
  auto response = json_response(json::serialize(out));
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response ComplaintHandlers::counts(const Request& request) {
  auto filter = dc::parse_case_filter(request.query, kListDateZone, dc::staff_list_parameters());
  if (!filter) return problem_response(filter.error(), request);
  auto counts = app::complaints::count_cases(storage_, request.actor, std::move(*filter), clock_.now());
  if (!counts) return problem_response(counts.error(), request);
  json::object by_status;
  std::int64_t total = 0;
  for (auto status : dc::all_statuses()) by_status[dc::to_string(status)] = 0;
  for (const auto& count : *counts) {
    by_status[dc::to_string(count.status)] = count.count;
    total += count.count;
  }
  auto response = json_response(json::serialize(json::object{{"counts", std::move(by_status)}, {"total", total}}));
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response ComplaintHandlers::show(const Request& request) {
  auto id = case_id(request);
  if (!id) return no_such_case(request);
  auto complaint = app::complaints::load_case(storage_, request.actor, *id, domain::access::Action::read_case);
  if (!complaint) return problem_response(complaint.error(), request);
  return case_response(*complaint);
}

Response ComplaintHandlers::events(const Request& request) {
  auto id = case_id(request);
  if (!id) return no_such_case(request);
  auto complaint = app::complaints::load_case(storage_, request.actor, *id, domain::access::Action::read_case);
  if (!complaint) return problem_response(complaint.error(), request);
  auto timeline = storage_.complaints().events(*id, false);
  if (!timeline) return problem_response(timeline.error(), request);
  json::array items;
  for (const auto& event : *timeline) {
    json::object item{{"id", event.id},
                      {"at", format_utc(event.at)},
                      {"actor", event.actor},
                      {"channel", dc::to_string(event.channel)},
                      {"type", event.type},
                      {"public", event.is_public},
                      {"detail", event.detail}};
    item["from_status"] = event.from_status ? json::value(dc::to_string(*event.from_status)) : json::value(nullptr);
    item["to_status"] = event.to_status ? json::value(dc::to_string(*event.to_status)) : json::value(nullptr);
    item["from_unit"] = event.from_unit.empty() ? json::value(nullptr) : json::value(event.from_unit);
    item["to_unit"] = event.to_unit.empty() ? json::value(nullptr) : json::value(event.to_unit);
    items.push_back(std::move(item));
  }
  auto count = items.size();
  return json_response(json::serialize(json::object{{"items", std::move(items)}, {"count", count}}));
}

Response ComplaintHandlers::act(const Request& request) {
  auto id = case_id(request);
  if (!id) return no_such_case(request);
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"action", "reason", "reject_reason", "unit_code", "merge_into", "category_code"});
  app::complaints::CaseAction action;
  action.action = fields.string("action", true).value_or("");
  action.reason = fields.string("reason", false).value_or("");
  action.reject_reason = fields.string("reject_reason", false).value_or("");
  action.unit_code = fields.string("unit_code", false).value_or("");
  action.merge_into = fields.string("merge_into", false).value_or("");
  action.category_code = fields.string("category_code", false).value_or("");
  if (auto problem = fields.error()) return problem_response(*problem, request);
  action.expected_version = expected_version(request);
  auto changed = app::complaints::act_on_case(storage_, clock_, sla_rules_, request.actor, *id, action);
  if (!changed) return problem_response(changed.error(), request);
  return case_response(*changed);
}

Response ComplaintHandlers::reveal(const Request& request) {
  auto id = case_id(request);
  if (!id) return no_such_case(request);
  auto complaint = app::complaints::load_case(storage_, request.actor, *id, domain::access::Action::work_case);
  if (!complaint) return problem_response(complaint.error(), request);
  if (complaint->anonymous) {
    return problem_response(Error(ErrorCode::forbidden, Text{"Pelapor memilih anonim: identitasnya tidak dibuka.",
                                                             "The reporter chose to stay anonymous."}),
                            request);
  }
  // Every look at personal data leaves a trace: the reveal is audited before it is answered.
  auto audited = app::audit::record_audit(
      storage_, {clock_.now(), app::audit::audit_name(request.actor), "personal_data.revealed",
                 "complaint:" + std::to_string(*id), "reporter contact", request.remote_address});
  if (!audited) return problem_response(audited.error(), request);
  json::object out{{"name", complaint->reporter.name},
                   {"phone", complaint->reporter.phone},
                   {"email", complaint->reporter.email},
                   {"nik", complaint->reporter.nik},
                   {"address", complaint->address}};
  auto response = json_response(json::serialize(out));
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response ComplaintHandlers::photo(const Request& request) {
  auto id = case_id(request);
  if (!id) return no_such_case(request);
  auto complaint = app::complaints::load_case(storage_, request.actor, *id, domain::access::Action::read_case);
  if (!complaint) return problem_response(complaint.error(), request);
  auto position_text = request.path_param("n");
  std::size_t position = 0;
  auto [end, ec] = std::from_chars(position_text.data(), position_text.data() + position_text.size(), position);
  auto photos = storage_.complaints().photos(*id);
  if (!photos) return problem_response(photos.error(), request);
  if (ec != std::errc() || end != position_text.data() + position_text.size() || position < 1 ||
      position > photos->size() || !photos_) {
    return problem_response(Error(ErrorCode::not_found, Text{"Foto tidak ditemukan.", "No such photo."}), request);
  }
  const auto& stored = (*photos)[position - 1];
  bool thumbnail = request.query_param("size").value_or("") == "thumbnail";
  const auto& digest = thumbnail ? stored.thumbnail_digest : stored.digest;
  Response response;
  response.set_header("ETag", "\"" + digest + "\"");
  response.set_header("Cache-Control", "private, max-age=86400");  // content-addressed: never changes
  if (auto if_none_match = request.header("if-none-match"); if_none_match && *if_none_match == "\"" + digest + "\"") {
    response.status = 304;
    return response;
  }
  auto bytes = photos_->read(digest);
  if (!bytes) return problem_response(bytes.error(), request);
  response.body = std::move(*bytes);
  response.set_header("Content-Type", "image/jpeg");
  return response;
}

Response ComplaintHandlers::mine(const Request& request) {
  json::array items;
  if (request.actor.kind == domain::access::ActorKind::citizen) {
    auto complaints = storage_.complaints().list_by_reporter(request.actor.id, 100);
    if (!complaints) return problem_response(complaints.error(), request);
    for (const auto& complaint : *complaints) {
      items.push_back(json::object{{"code", complaint.public_code},
                                   {"status", dc::to_string(complaint.status)},
                                   {"kind", dc::to_string(complaint.kind)},
                                   {"category", complaint.category_code.empty() ? json::value(nullptr)
                                                                                : json::value(complaint.category_code)},
                                   {"unit", complaint.unit_code},
                                   {"submitted_at", format_utc(complaint.submitted_at)},
                                   {"updated_at", format_utc(complaint.updated_at)},
                                   {"tracking_url", tracking_path(complaint.public_code)}});
    }
  }
  auto count = items.size();
  auto response = json_response(json::serialize(json::object{{"items", std::move(items)}, {"count", count}}));
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response ComplaintHandlers::reporter_action(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"secret", "action", "message", "rating"});
  app::complaints::ReporterAction action;
  action.code = std::string(request.path_param("code"));
  action.secret = fields.string("secret", true).value_or("");
  action.action = fields.string("action", true).value_or("");
  action.message = fields.string("message", false).value_or("");
  if (auto rating = fields.integer("rating", false)) {
    action.rating = *rating >= 1 && *rating <= 5 ? static_cast<int>(*rating) : 0;
  }
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto changed = app::complaints::act_as_reporter(storage_, clock_, sla_rules_, action);
  if (!changed) return problem_response(changed.error(), request);
  auto response = json_response(json::serialize(json::object{{"code", changed->public_code},
                                                             {"status", dc::to_string(changed->status)}}));
  response.set_header("Cache-Control", "no-store");
  return response;
}

namespace {

constexpr std::size_t kMaxJsonIntake = 1024 * 1024;

Error photo_problem(Text message) {
  return Error(ErrorCode::validation, Text{"Formulir aduan tidak lengkap.", "The complaint form is incomplete."},
               {FieldError{"photos", std::move(message)}});
}

}  // namespace

Response ComplaintHandlers::submit(const Request& request) {
  // JSON alone, or multipart/form-data: a part "complaint" holding the JSON and up to five
  // parts "photos". Photos are checked and stored first; if anything then fails, they go again.
  std::vector<app::ports::StoredPhoto> stored;
  auto fail = [&](const Error& error) {
    if (photos_) photos_->discard(stored);
    return problem_response(error, request);
  };
  std::string json_text;
  // What a retry under the same Idempotency-Key must repeat: the JSON and each photo's bytes,
  // not the multipart framing (a resent FormData draws a new boundary).
  std::string photo_digests;
  if (auto boundary = multipart_boundary(request.header("content-type").value_or(""))) {
    auto parts = parse_multipart(request.body, *boundary, MultipartLimits{});
    if (!parts) return fail(parts.error());
    const FormPart* complaint_part = nullptr;
    std::vector<const FormPart*> photo_parts;
    for (const auto& part : *parts) {
      if (part.name == "complaint") {  // a text field, or a JSON blob (browsers name it "blob")
        complaint_part = &part;
      } else if (part.name == "photos") {
        photo_parts.push_back(&part);
      } else {
        return fail(photo_problem(Text{"Bagian formulir tidak dikenal: " + part.name + ".",
                                       "Unknown form part: " + part.name + "."}));
      }
    }
    if (!complaint_part) {
      return fail(photo_problem(Text{"Bagian \"complaint\" (JSON) wajib ada.", "The \"complaint\" part (JSON) is required."}));
    }
    if (!photo_parts.empty() && !photos_) {
      return fail(Error(ErrorCode::unsupported_media_type,
                        Text{"Server ini belum menerima foto.", "This server does not take photos."}));
    }
    for (const auto* part : photo_parts) {
      // (Not "\n" + digest: GCC 12 at -O3 warns of an overflow in that operator+.)
      photo_digests += '\n';
      photo_digests += crypto::sha256_hex(part->body);
      auto photo = photos_->store(part->body);
      if (!photo) return fail(photo.error());
      stored.push_back(std::move(*photo));
    }
    json_text = complaint_part->body;
  } else {
    if (request.body.size() > kMaxJsonIntake) {
      return fail(Error(ErrorCode::payload_too_large, Text{"Isi aduan (JSON) paling besar 1 MiB.",
                                                           "A complaint's JSON body takes at most 1 MiB."}));
    }
    json_text = request.body;
  }
  auto body = parse_json_text(json_text);
  if (!body) return fail(body.error());
  JsonFields fields(*body, {"description", "title", "category", "location", "address", "region_code", "kind",
                            "reporter", "anonymous", "confidential", "channel", "language", "notify"});
  app::complaints::SubmitRequest submit;
  // The reporter is written to in the language they name, else the one their browser prefers.
  submit.draft = draft_from(*body, fields, request.language == Language::en ? "en" : "id");
  submit.photos = stored;
  auto key = request.header("idempotency-key").value_or("");
  if (key.size() > kMaxIdempotencyKey) {
    fields.add_problem("Idempotency-Key", Text{"Paling banyak 128 karakter.", "At most 128 characters."});
  }
  if (auto problem = fields.error()) return fail(*problem);
  submit.idempotency_key = std::string(key);
  submit.request_fingerprint = crypto::sha256_hex(json_text + photo_digests);
  if (request.actor.signed_in()) submit.actor = "user:" + std::to_string(request.actor.id);
  if (request.actor.kind == domain::access::ActorKind::citizen) submit.reporter_user_id = request.actor.id;

  // Copied into the prepared complaint, and it may run on the writer thread: by value only.
  auto render = [photo_count = stored.size()](const app::complaints::SubmittedComplaint& submitted) {
    const auto& complaint = submitted.complaint;
    json::object category{{"code", complaint.category_code.empty() ? json::value(nullptr)
                                                                   : json::value(complaint.category_code)},
                          {"suggested", complaint.category_suggested}};
    if (submitted.suggestion) {
      json::array matched;
      for (const auto& keyword : submitted.suggestion->matched_keywords) matched.emplace_back(keyword);
      category["matched_keywords"] = std::move(matched);
    }
    json::object out{{"id", complaint.id},
                     {"code", complaint.public_code},
                     {"status", dc::to_string(complaint.status)},
                     {"kind", dc::to_string(complaint.kind)},
                     {"category", std::move(category)},
                     {"unit", json::object{{"code", complaint.unit_code}, {"name", submitted.unit_name}}},
                     {"submitted_at", format_utc(complaint.submitted_at)},
                     {"deadlines", deadlines_json(complaint.deadlines)},
                     {"tracking_url", tracking_path(complaint.public_code)},
                     {"photos", submitted.complaint.id ? json::value(photo_count) : json::value(0)},
                     {"location_from_photo", submitted.location_from_photo},
                     {"reporter_secret", submitted.reporter_secret},
                     {"possible_duplicates", duplicate_matches_json(submitted.possible_duplicates)}};
    return json::serialize(out);
  };
  if (!intake_.stores_in_background()) {
    auto answer = intake_.submit(submit, render);
    if (!answer) return fail(answer.error());
    return intake_response(*answer, stored);
  }
  // SQLite: the write is queued for the writer thread, and no thread waits for it.
  auto step = intake_.prepare(submit, render);
  if (!step) return fail(step.error());
  if (step->replayed) return intake_response(*step->replayed, stored);
  return pending_intake(std::move(step->prepared), std::move(stored), request);
}

Response ComplaintHandlers::pending_intake(std::shared_ptr<app::complaints::PreparedIntake> prepared,
                                           std::vector<app::ports::StoredPhoto> stored, const Request& request) {
  Response response;
  response.pending = std::make_shared<PendingResponse>();
  response.pending->start = [this, prepared, stored, &request](PendingResponse::Resume resume) {
    intake_.store(prepared, [this, prepared, stored, &request, resume](Result<void> written) {
      resume([this, prepared, stored, &request, written] {
        auto answer = intake_.answer(*prepared, written);
        if (!answer) {
          if (photos_) photos_->discard(stored);
          return problem_response(answer.error(), request);
        }
        if (!*answer) return pending_intake(prepared, stored, request);  // the public code was taken: again
        return intake_response(**answer, stored);
      });
    });
  };
  return response;
}

Response ComplaintHandlers::intake_response(const app::complaints::IntakeAnswer& answer,
                                            const std::vector<app::ports::StoredPhoto>& stored) {
  if (answer.replayed && photos_) photos_->discard(stored);  // the first request's photos stand
  auto response = json_response(answer.response, 201);
  auto parsed = json::parse(answer.response);
  response.set_header("Location", tracking_path(std::string(parsed.as_object().at("code").as_string())));
  response.set_header("Cache-Control", "no-store");
  if (answer.replayed) response.set_header("Idempotent-Replayed", "true");
  return response;
}

Response ComplaintHandlers::track(const Request& request) {
  auto tracked = app::complaints::track_complaint(storage_, intake_.directory(), request.path_param("code"));
  if (!tracked) return problem_response(tracked.error(), request);
  // A merged case shows where its master stands; its own code stays the one tracked.
  const auto& complaint = tracked->master ? *tracked->master : tracked->complaint;
  json::array timeline;
  for (const auto& event : tracked->timeline) {
    timeline.push_back(json::object{
        {"at", format_utc(event.at)},
        {"type", event.type},
        {"status", event.to_status ? json::value(dc::to_string(*event.to_status)) : json::value(nullptr)},
        {"detail", event.detail}});
  }
  json::object out{
      {"code", tracked->complaint.public_code},
      {"merged_into", tracked->master ? json::value(tracked->master->public_code) : json::value(nullptr)},
      {"supporters", complaint.support_count},
      {"status", dc::to_string(complaint.status)},
      {"kind", dc::to_string(complaint.kind)},
      {"category", json::object{{"code", complaint.category_code.empty() ? json::value(nullptr)
                                                                         : json::value(complaint.category_code)},
                                {"name", tracked->category_name}}},
      {"unit", json::object{{"code", complaint.unit_code}, {"name", tracked->unit_name}}},
      {"submitted_at", format_utc(complaint.submitted_at)},
      {"updated_at", format_utc(complaint.updated_at)},
      {"deadlines", deadlines_json(complaint.deadlines)},
      {"timeline", std::move(timeline)}};
  auto response = json_response(json::serialize(out));
  response.set_header("Cache-Control", "no-cache");
  return response;
}

}  // namespace sigap::http::handlers
