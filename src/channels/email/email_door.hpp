#pragma once

#include <string>
#include <string_view>

#include "app/complaints/submit_complaint.hpp"
#include "app/ports/photo_store.hpp"
#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "common/text.hpp"

namespace sigap::channels::email {

/// A report or a reply takes at most this many photos from one mail; further images are left out.
inline constexpr std::size_t kMaxPhotosPerMail = 5;

/// How a delivered message ended, as the mail server must hear it.
enum class DeliveryStatus {
  accepted,           // done: a case, a reply, a repeat of a mail already taken, or a mail left alone
  temporary_failure,  // nothing was written; the mail server should try again later (database down)
  permanent_failure,  // the mail cannot become a report; the mail server should tell the sender why
};

struct Delivery {
  DeliveryStatus status = DeliveryStatus::accepted;
  /// For the log (no personal data): "created SGP-...", "reply SGP-...", "duplicate",
  /// "ignored: automatic mail", or the failure.
  std::string outcome;
  std::string code;  // the public code of the case it created or replied to
  Text reason;       // for a failure: one short sentence for the sender
};

/// The e-mail door into the inbox (docs/channels.md): turns one delivered message into a new
/// case or a reply on an existing one. It is one-shot: a mail is a report, not a dialog.
///
/// - A subject carrying the public code of an existing case, sent from the address that case
///   was reported from, is the reporter's reply on it (app::complaints::act_on_own_case, with
///   its photos; a case waiting for information resumes). A code with a wrong check symbol is
///   no code; a code of someone else's case, or of no case, makes a new report.
/// - Anything else is a new case through the intake (channel email): the subject is the title,
///   the text (quotes and signature trimmed) the description, From the reporter's e-mail, the
///   language guessed from the text, and the reporter is told by e-mail (notify = email): the
///   "received" message with the code and tracking link goes out through the notifications.
/// - Image attachments go through the photo store like intake photos: the first
///   kMaxPhotosPerMail that pass are kept, the rest are left out (logged).
/// - A mail sent by a program (auto-reply, bounce with the null sender, mailing list) is
///   accepted and left alone, so no mail loop can start.
/// - Idempotent by Message-ID (by the whole message when it has none): a mail delivered again
///   after a crash or a retry changes nothing and is accepted.
/// Thread-safe (the intake, storage and photo store are).
class EmailDoor {
 public:
  /// `photos` may be null: images are then left out.
  EmailDoor(app::ports::Storage& storage, const Clock& clock, app::complaints::ComplaintIntake& intake,
            app::sla::SlaRules& sla_rules, app::ports::PhotoStore* photos)
      : storage_(storage), clock_(clock), intake_(intake), sla_rules_(sla_rules), photos_(photos) {}

  /// `raw`: the message as received after DATA; `envelope_sender`: MAIL FROM ("" for a bounce).
  Delivery deliver(std::string_view raw, std::string_view envelope_sender);

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::complaints::ComplaintIntake& intake_;
  app::sla::SlaRules& sla_rules_;
  app::ports::PhotoStore* photos_;
};

}  // namespace sigap::channels::email
