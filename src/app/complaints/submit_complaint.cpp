#include "app/complaints/submit_complaint.hpp"

#include <chrono>

#include <boost/json.hpp>

#include "app/complaints/new_public_code.hpp"
#include "app/sla/case_sla.hpp"
#include "common/logging.hpp"
#include "common/time_format.hpp"
#include "crypto/hashing.hpp"
#include "crypto/random.hpp"
#include "domain/complaints/contact.hpp"
#include "domain/complaints/routing.hpp"
#include "domain/sla/deadline.hpp"
#include "domain/sla/time_zone.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;
namespace sla = domain::sla;

namespace {

// A fresh public code clashes with a stored one about once in 34,000 draws at a million cases.
constexpr int kCodeAttempts = 5;

Error key_reused() {
  return Error(ErrorCode::validation,
               Text{"Idempotency-Key ini sudah dipakai untuk aduan lain.",
                    "This Idempotency-Key was already used for another request."},
               {FieldError{"Idempotency-Key", Text{"Gunakan kunci baru untuk aduan baru.", "Use a new key for a new complaint."}}});
}

}  // namespace

Result<std::optional<IntakeAnswer>> ComplaintIntake::replay(const SubmitRequest& request) {
  if (request.idempotency_key.empty()) return std::optional<IntakeAnswer>();
  auto stored = storage_.complaints().idempotent_answer(request.idempotency_key);
  if (!stored) return stored.error();
  if (!stored->has_value()) return std::optional<IntakeAnswer>();
  if ((*stored)->request_hash != request.request_fingerprint) return key_reused();
  return std::optional<IntakeAnswer>(IntakeAnswer{std::nullopt, (*stored)->response, true});
}

Result<IntakeAnswer> ComplaintIntake::submit(const SubmitRequest& request, const RenderAnswer& render) {
  auto step = prepare(request, render);
  if (!step) return step.error();
  if (step->replayed) return std::move(*step->replayed);
  auto& prepared = step->prepared;
  for (;;) {
    auto written = storage_.write(transaction_for(prepared));
    auto answered = answer(*prepared, written);
    if (!answered) return answered.error();
    if (*answered) return std::move(**answered);
  }
}

void ComplaintIntake::store(const std::shared_ptr<PreparedIntake>& prepared, ports::Storage::WriteDone done) {
  storage_.write_queued(transaction_for(prepared), std::move(done));
}

Result<ComplaintIntake::PreparedStep> ComplaintIntake::prepare(const SubmitRequest& request,
                                                               const RenderAnswer& render) {
  if (auto earlier = replay(request); !earlier) {
    return earlier.error();
  } else if (earlier->has_value()) {
    return PreparedStep{std::move(*earlier), nullptr};
  }
  auto now = clock_.now();
  auto draft = request.draft;
  bool location_from_photo = false;
  if (!draft.latitude && !draft.longitude) {
    for (const auto& photo : request.photos) {
      // A pin from the photo is offered only when it is a place in Indonesia.
      if (photo.gps && dc::check_location(photo.gps->latitude, photo.gps->longitude, std::nullopt)) {
        draft.latitude = photo.gps->latitude;
        draft.longitude = photo.gps->longitude;
        location_from_photo = true;
        break;
      }
    }
  }
  auto valid = dc::validate_intake(draft, now);
  if (!valid) return valid.error();

  std::vector<FieldError> problems;
  auto book = directory_.book();
  if (!book) return book.error();
  const auto& keywords = (*book)->categories;
  const auto& categories = keywords.categories();
  const domain::master_data::Category* category = nullptr;
  std::optional<dc::CategorySuggestion> suggestion;
  if (!valid->category_code.empty()) {
    for (const auto& candidate : categories) {
      if (candidate.code == valid->category_code) category = &candidate;
    }
    if (!category) problems.push_back({"category", Text{"Kategori tidak dikenal.", "Unknown category."}});
  } else {
    suggestion = keywords.suggest(valid->description);
    if (suggestion) {
      for (const auto& candidate : categories) {
        if (candidate.code == suggestion->category_code) category = &candidate;
      }
    }
  }
  if (!valid->region_code.empty()) {
    auto known = directory_.region_known(valid->region_code);
    if (!known) return known.error();
    if (!*known) {
      problems.push_back({"region_code", Text{"Kelurahan tidak dikenal.", "Unknown kelurahan."}});
    }
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Aduan belum dapat diterima; periksa isian yang ditandai.",
                                             "The complaint cannot be accepted yet; check the marked fields."},
                 std::move(problems));
  }

  auto unit_code = dc::route((*book)->rules, category ? category->code : "", valid->region_code,
                             category ? category->default_unit_code : settings_.triage_unit)
                       .value_or(settings_.triage_unit);
  const auto* unit = (*book)->unit(unit_code);
  if (!unit) return Error::internal("routing names unit " + unit_code + ", which does not exist");

  auto prepared = std::make_shared<PreparedIntake>();
  prepared->request = request;
  prepared->render = render;
  prepared->now = now;
  auto& submitted = prepared->submitted;
  auto duplicates = find_possible_duplicates(
      open_cases_, now,
      DuplicateProbe{category ? category->code : "", valid->region_code, valid->location,
                     valid->title + " " + valid->description});
  if (!duplicates) return duplicates.error();
  submitted.possible_duplicates = std::move(*duplicates);
  submitted.suggestion = suggestion;
  submitted.unit_name = unit->name;
  submitted.location_from_photo = location_from_photo;
  submitted.reporter_secret = crypto::random_token(24);
  auto& complaint = submitted.complaint;
  complaint.reporter_secret_hash = crypto::sha256_hex(submitted.reporter_secret);
  complaint.kind = valid->kind;
  complaint.status = dc::Status::submitted;
  complaint.title = valid->title;
  complaint.description = valid->description;
  complaint.category_code = category ? category->code : "";
  complaint.category_suggested = category && valid->category_code.empty();
  complaint.region_code = valid->region_code;
  complaint.location = valid->location;
  complaint.accuracy_m = valid->accuracy_m;
  complaint.address = valid->address;
  complaint.reporter = valid->reporter;
  complaint.reporter_user_id = request.reporter_user_id;
  complaint.anonymous = valid->anonymous;
  complaint.confidential = valid->confidential;
  complaint.language = valid->language;
  complaint.notify_choice = valid->notify_choice;
  complaint.channel = valid->channel;
  complaint.unit_code = unit_code;
  complaint.submitted_at = now;
  complaint.updated_at = now;
  // Deadlines, target and the SLA watch's first look; a year with no calendar leaves a deadline
  // open and raises the admin alert in the same transaction.
  auto sla_book = sla_rules_.book();
  if (!sla_book) return sla_book.error();
  const app::sla::CaseSlaInputs sla_inputs{std::move(*sla_book), *unit, {}};
  dc::ComplaintEvent receipt;
  receipt.at = now;
  receipt.type = "submitted";
  receipt.to_status = dc::Status::submitted;
  prepared->sla_clock = app::sla::recompute_case_sla(complaint, sla_inputs, &receipt, now);
  complaint.sla_check_at = prepared->sla_clock.check_at;
  return PreparedStep{std::nullopt, std::move(prepared)};
}

ports::Storage::Work ComplaintIntake::transaction_for(const std::shared_ptr<PreparedIntake>& prepared) {
  // A fresh code for every attempt: the last one may have been taken.
  prepared->submitted.complaint.public_code = new_public_code();
  prepared->response.clear();
  return [prepared](ports::Transaction& tx) -> Result<void> {
    const auto& request = prepared->request;
    const auto now = prepared->now;
    auto& submitted = prepared->submitted;
    auto& complaint = submitted.complaint;
    auto id = tx.complaints().insert(complaint);
    if (!id) return id.error();
    complaint.id = *id;
    if (auto raised = app::sla::raise_missing_calendars(tx, prepared->sla_clock, now); !raised) return raised;
    dc::ComplaintEvent event;
    event.complaint_id = *id;
    event.at = now;
    event.actor = request.actor;
    event.channel = complaint.channel;
    event.type = "submitted";
    event.is_public = true;
    event.to_status = dc::Status::submitted;
    event.detail = "Aduan diterima.";
    auto payload = boost::json::serialize(boost::json::object{{"type", "complaint.submitted"},
                                                              {"complaint_id", *id},
                                                              {"code", complaint.public_code},
                                                              {"unit", complaint.unit_code},
                                                              {"category", complaint.category_code},
                                                              {"at", format_utc(now)}});
    if (auto appended = tx.complaints().append_event(event, payload); !appended) return appended.error();
    for (std::size_t i = 0; i < request.photos.size(); ++i) {
      ports::CasePhoto photo;
      static_cast<ports::StoredPhoto&>(photo) = request.photos[i];
      photo.added_by = request.actor;
      photo.added_at = now;
      auto added = tx.complaints().add_photo(*id, static_cast<int>(i) + 1, photo);
      if (!added) return added.error();
    }
    // The answer is rendered inside the transaction only when it must be stored with the
    // key; otherwise after the commit, off the writer thread every write waits for.
    if (!request.idempotency_key.empty()) {
      prepared->response = prepared->render(submitted);
      auto remembered = tx.complaints().remember_answer(
          request.idempotency_key, {request.request_fingerprint, *id, prepared->response}, now);
      if (!remembered) return remembered.error();
    }
    return {};
  };
}

Result<std::optional<IntakeAnswer>> ComplaintIntake::answer(PreparedIntake& prepared, const Result<void>& written) {
  if (written) {
    if (prepared.response.empty()) prepared.response = prepared.render(prepared.submitted);
    return std::optional<IntakeAnswer>(IntakeAnswer{std::move(prepared.submitted), std::move(prepared.response), false});
  }
  if (written.error().code() != ErrorCode::conflict) return written.error();
  // A conflict: either the same Idempotency-Key committed meanwhile (answer with it), or the
  // public code was taken (draw another).
  if (auto earlier = replay(prepared.request); !earlier) {
    return earlier.error();
  } else if (earlier->has_value()) {
    return std::move(*earlier);
  }
  if (++prepared.attempts >= kCodeAttempts) return written.error();
  return std::optional<IntakeAnswer>();
}

}  // namespace sigap::app::complaints
