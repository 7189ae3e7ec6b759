#include "channels/open311/submit_service_request.hpp"

#include <map>

#include "app/audit/record_audit.hpp"
#include "app/identity/resolve_actor.hpp"
#include "channels/open311/find_service_requests.hpp"
#include "channels/open311/open311_errors.hpp"
#include "channels/open311/service_catalog.hpp"
#include "common/logging.hpp"
#include "crypto/random.hpp"
#include "domain/complaints/intake.hpp"

namespace sigap::channels::open311 {

namespace dc = domain::complaints;
namespace da = domain::access;

namespace {

// The intake names fields as the JSON API does; an Open311 client knows its own arguments.
std::string open311_argument(const std::string& field) {
  static const std::map<std::string, std::string, std::less<>> names{
      {"category", "service_code"},     {"location.latitude", "lat"}, {"location.longitude", "long"},
      {"location", "lat"},              {"address", "address_string"}, {"region_code", "address_id"},
      {"reporter.name", "first_name"},  {"reporter.phone", "phone"},  {"reporter.email", "email"},
      {"title", "description"}};
  auto found = names.find(field);
  return found == names.end() ? field : found->second;
}

Error in_open311_terms(const Error& error) {
  if (error.fields().empty()) return error;
  std::vector<FieldError> fields;
  for (const auto& field : error.fields()) fields.push_back({open311_argument(field.field), field.message});
  Error renamed(error.code(), error.message(), std::move(fields));
  renamed.with_log_detail(error.log_detail());
  return renamed;
}

Error key_reused() {
  return parameter_error(ErrorCode::validation, "Idempotency-Key",
                         Text{"Kunci ini sudah dipakai untuk permintaan lain; gunakan kunci baru.",
                              "This key was already used for another request; use a new key."});
}

Error invalid_key(Text why) { return parameter_error(ErrorCode::forbidden, "api_key", std::move(why)); }

std::string full_name(const ServiceRequestForm& form) {
  std::string name = form.first_name;
  if (!form.last_name.empty()) {
    if (!name.empty()) name += ' ';
    name += form.last_name;
  }
  return name;
}

}  // namespace

Result<da::Actor> authenticate_api_key(app::ports::Storage& storage, const Clock& clock, std::string_view api_key) {
  if (api_key.empty()) {
    return invalid_key(Text{"Wajib diisi untuk membuat permintaan layanan.", "Required to create a service request."});
  }
  auto authenticated = app::identity::actor_from_api_key(storage, clock, std::string(api_key));
  if (!authenticated) {
    if (authenticated.error().code() != ErrorCode::unauthenticated) return authenticated.error();
    return invalid_key(Text{"Kunci API tidak valid, dicabut atau kedaluwarsa.", "Invalid, revoked or expired api_key."});
  }
  if (da::can(authenticated->actor, da::Action::submit_case) != da::Decision::allow) {
    return invalid_key(Text{"Kunci API ini tidak boleh membuat permintaan layanan (perlu izin submit_case).",
                            "This api_key may not create service requests (it needs the submit_case scope)."});
  }
  return std::move(authenticated->actor);
}

Result<SubmittedServiceRequest> ServiceRequestIntake::submit(const ServiceRequestForm& form, const da::Actor& client,
                                                             std::string_view idempotency_key,
                                                             std::string_view request_hash, Language language) {
  if (idempotency_key.size() > kMaxIdempotencyKey) {
    return parameter_error(ErrorCode::validation, "Idempotency-Key",
                           Text{"Paling banyak 128 karakter.", "At most 128 characters."});
  }
  auto category = find_service(storage_, form.service_code);
  if (!category) return category.error();
  auto definitions = attributes_of(storage_, category->code);
  if (!definitions) return definitions.error();
  auto answers = dc::check_attribute_answers(*definitions, form.attributes);
  if (!answers) return answers.error();

  dc::IntakeDraft draft;
  draft.description = form.description;
  draft.category_code = category->code;
  draft.latitude = form.lat;
  draft.longitude = form.lon;
  draft.address = form.address_string;
  draft.region_code = form.address_id;
  draft.reporter_name = full_name(form);
  draft.reporter_phone = form.phone;
  draft.reporter_email = form.email;
  draft.channel = std::string(dc::to_string(dc::Channel::open311));
  auto now = clock_.now();
  // Every rule of the intake before anything is written (the intake checks again).
  if (auto valid = dc::validate_intake(draft, now); !valid) return in_open311_terms(valid.error());

  std::string token = idempotency_key.empty() ? crypto::random_token(18) : std::string(idempotency_key);
  bool stored_here = false;
  bool linked_before = false;
  auto existing = storage_.open311().find_submission(token);
  if (!existing) return existing.error();
  if (existing->has_value()) {
    if ((*existing)->request_hash != request_hash) return key_reused();
    linked_before = (*existing)->complaint_id.has_value();
  } else {
    app::ports::Open311Submission submission{token,         client.id, category->code, *answers, form.media_url,
                                             std::string(request_hash), now, std::nullopt};
    auto written = storage_.write([&](app::ports::Transaction& tx) { return tx.open311().insert_submission(submission); });
    if (written) {
      stored_here = true;
    } else if (written.error().code() == ErrorCode::conflict) {
      // A retry with the same key stored it first; the intake below answers as it answered that one.
      auto again = storage_.open311().find_submission(token);
      if (!again) return again.error();
      if (!again->has_value() || (*again)->request_hash != request_hash) return key_reused();
    } else {
      return written.error();
    }
  }

  app::complaints::SubmitRequest request;
  request.draft = std::move(draft);
  request.idempotency_key = intake_key_of(token);
  request.request_fingerprint = std::string(request_hash);
  request.actor = app::audit::audit_name(client);
  // The intake keeps this answer with the case, sealed: the public code, all a token needs.
  auto answer = intake_.submit(request, [](const app::complaints::SubmittedComplaint& submitted) {
    return submitted.complaint.public_code;
  });
  if (!answer) {
    if (stored_here) {
      auto removed = storage_.write([&](app::ports::Transaction& tx) { return tx.open311().delete_unlinked_submission(token); });
      if (!removed) logging::app().warn("open311: could not remove a refused submission: {}", removed.error().log_detail());
    }
    return in_open311_terms(answer.error());
  }

  SubmittedServiceRequest result;
  result.service_request_id = answer->response;
  result.account_id = form.account_id;
  result.replayed = answer->replayed;
  dc::Complaint complaint;
  if (answer->created) {
    complaint = answer->created->complaint;
  } else {
    auto found = storage_.complaints().find_public_by_code(result.service_request_id);
    if (!found) return found.error();
    if (!found->has_value()) return Error::internal("open311: a replayed answer names no case");
    complaint = std::move(**found);
  }
  // The case is safe with its key (GET tokens reads the intake's record); the link adds the
  // media_url to GET requests. A failure is logged; a retry with the same key links again.
  if (!linked_before) {
    auto linked = storage_.write([&](app::ports::Transaction& tx) -> Result<void> {
      auto done = tx.open311().link_submission(token, complaint.id);
      if (!done) return done.error();
      return {};
    });
    if (!linked) logging::app().warn("open311: could not link a submission to its case: {}", linked.error().log_detail());
  }
  auto unit = storage_.units().find_by_code(complaint.unit_code);
  if (!unit) return unit.error();
  result.service_notice = service_notice(complaint, unit->has_value() ? &**unit : nullptr).in(language);
  return result;
}

}  // namespace sigap::channels::open311
