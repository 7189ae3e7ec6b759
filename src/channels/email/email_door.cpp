#include "channels/email/email_door.hpp"

#include <vector>

#include "app/complaints/reporter_actions.hpp"
#include "channels/email/email_report.hpp"
#include "channels/email/language_guess.hpp"
#include "channels/email/mail_text.hpp"
#include "channels/email/quote_trim.hpp"
#include "channels/email/subject_code.hpp"
#include "common/logging.hpp"
#include "crypto/hashing.hpp"
#include "domain/complaints/intake.hpp"

namespace sigap::channels::email {

namespace dc = domain::complaints;
namespace ports = app::ports;

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "Re: Fwd: [x] Jalan rusak" -> "[x] Jalan rusak": reply and forward prefixes of the common
// mail programs (English, Indonesian, German, Dutch) go.
std::string title_of(std::string_view subject) {
  static constexpr std::string_view kPrefixes[] = {"re:", "fwd:", "fw:", "bls:", "balas:", "tr:", "aw:", "wg:", "antw:"};
  bool again = true;
  while (again) {
    again = false;
    while (!subject.empty() && subject.front() == ' ') subject.remove_prefix(1);
    auto lowered = lower(subject.substr(0, 8));
    for (auto prefix : kPrefixes) {
      if (lowered.starts_with(prefix)) {
        subject.remove_prefix(prefix.size());
        again = true;
        break;
      }
    }
  }
  return cut_utf8(subject, dc::kMaxTitle);
}

Delivery failure(DeliveryStatus status, std::string outcome, Text reason) {
  return Delivery{status, std::move(outcome), "", std::move(reason)};
}

// A refusal by the use cases: the database not answering (or our own fault) is worth a retry;
// what the mail itself got wrong is not.
Delivery failure_from(const Error& error, std::string_view doing) {
  if (error.code() == ErrorCode::unavailable || error.code() == ErrorCode::internal) {
    if (!error.log_detail().empty()) logging::app().warn("e-mail: {}: {}", doing, error.log_detail());
    return failure(DeliveryStatus::temporary_failure, std::string(doing) + ": storage unavailable",
                   Text{"Sistem sedang sibuk; pesan akan dikirim ulang.", "The system is busy; the message will be retried."});
  }
  Text reason = error.message();
  if (!error.fields().empty()) reason = error.fields().front().message;
  return failure(DeliveryStatus::permanent_failure, std::string(doing) + ": refused", reason);
}

}  // namespace

Delivery EmailDoor::deliver(std::string_view raw, std::string_view envelope_sender) {
  auto read = read_email(raw);
  if (!read) return failure(DeliveryStatus::permanent_failure, "not a message", read.error().message());
  auto& mail = *read;
  if (mail.automatic || envelope_sender.empty()) {
    return Delivery{DeliveryStatus::accepted, "ignored: automatic mail", "", {}};
  }
  auto from = mail.from_address.empty() ? std::string(envelope_sender) : mail.from_address;
  // The same Message-ID is the same mail, whatever an MTA did to its headers on the way.
  auto identity = crypto::sha256_hex(mail.message_id.empty() ? raw : std::string_view(mail.message_id));

  // The photos first (outside any transaction, as the HTTP intake does); discarded again when
  // the mail ends up changing nothing.
  std::vector<ports::StoredPhoto> photos;
  std::size_t left_out = mail.images_left_out;
  for (const auto& image : mail.images) {
    if (!photos_ || photos.size() >= kMaxPhotosPerMail) {
      ++left_out;
      continue;
    }
    auto stored = photos_->store(image.bytes);
    if (!stored) {
      ++left_out;
      continue;
    }
    photos.push_back(std::move(*stored));
  }
  if (left_out > 0) logging::app().info("e-mail: {} image(s) left out ({} kept)", left_out, photos.size());
  auto discard = [&] {
    if (photos_ && !photos.empty()) photos_->discard(photos);
  };

  auto text = trim_quoted_reply(mail.body);

  // A reply: the code of a case in the subject, from the address the case was reported from.
  // A staff change landing at the same moment makes the case's version stale: read it again.
  if (auto code = find_public_code(mail.subject)) {
    auto key = "email-reply:" + identity;
    for (int attempt = 0;; ++attempt) {
      auto found = storage_.complaints().find_by_code(*code);
      if (!found) {
        discard();
        return failure_from(found.error(), "reply");
      }
      if (!found->has_value() || (*found)->reporter.email.empty() || lower((*found)->reporter.email) != lower(from)) {
        break;  // not this sender's case: a new report
      }
      auto done = storage_.complaints().idempotent_answer(key);
      if (!done) {
        discard();
        return failure_from(done.error(), "reply");
      }
      if (done->has_value()) {
        discard();
        return Delivery{DeliveryStatus::accepted, "duplicate", *code, {}};
      }
      app::complaints::ReporterAction action;
      action.code = *code;
      action.action = "reply";
      action.message = cut_utf8(text.empty() && !photos.empty() ? "(foto terlampir / photos attached)" : text,
                                dc::kMaxDescription);
      app::complaints::ReporterActionExtras extras{dc::Channel::email, photos, key};
      auto replied = app::complaints::act_on_own_case(storage_, clock_, sla_rules_, std::move(**found), action, extras);
      if (replied) return Delivery{DeliveryStatus::accepted, "reply " + *code, *code, {}};
      auto failed = replied.error().code();
      if ((failed == ErrorCode::precondition_failed || failed == ErrorCode::conflict) && attempt < 3) {
        continue;  // stale, or the same reply committed meanwhile: the next round sees which
      }
      discard();
      auto refused = failed == ErrorCode::precondition_failed
                         ? failure(DeliveryStatus::temporary_failure, "reply: case busy",
                                   Text{"Aduan sedang diubah; pesan akan dikirim ulang.",
                                        "The case is being changed; the message will be retried."})
                         : failure_from(replied.error(), "reply");
      refused.code = *code;
      return refused;
    }
  }

  // A new report.
  if (dc::utf8_length(text).value_or(0) < dc::kMinDescription) text = mail.body;  // all of it rather than too little
  app::complaints::SubmitRequest request;
  auto& draft = request.draft;
  draft.title = title_of(mail.subject);
  draft.description = cut_utf8(text, dc::kMaxDescription);
  draft.reporter_email = from;
  draft.reporter_name = cut_utf8(mail.from_name, dc::kMaxName);
  draft.channel = "email";
  draft.notify = "email";
  draft.language = guess_language(mail.subject + "\n" + text) == Language::en ? "en" : "id";
  request.idempotency_key = "email:" + identity;
  request.request_fingerprint = identity;
  request.actor = "reporter";
  request.photos = photos;
  auto answer = intake_.submit(request, [](const app::complaints::SubmittedComplaint& submitted) {
    return submitted.complaint.public_code;
  });
  if (!answer) {
    discard();
    return failure_from(answer.error(), "report");
  }
  if (answer->replayed) {
    discard();
    return Delivery{DeliveryStatus::accepted, "duplicate", answer->response, {}};
  }
  return Delivery{DeliveryStatus::accepted, "created " + answer->response, answer->response, {}};
}

}  // namespace sigap::channels::email
