#pragma once

#include "app/complaints/submit_complaint.hpp"
#include "app/ports/photo_store.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// POST /api/v1/complaints (intake, JSON) and GET /api/v1/track/{code} (public tracking);
/// for staff in scope: the case (ETag = its version), its whole timeline, workflow actions
/// (If-Match; 409 for an illegal transition, 412 for a stale copy) and the audited reveal of the
/// reporter's contact. Tracking never shows the reporter's data; the intake answer carries the
/// reporter secret once; staff see the contact masked, and an anonymous reporter not at all.
class ComplaintHandlers {
 public:
  /// `photos` may be null: then reports with photos are refused.
  ComplaintHandlers(app::ports::Storage& storage, const Clock& clock, app::complaints::ComplaintIntake& intake,
                    app::ports::PhotoStore* photos, app::sla::SlaRules& sla_rules)
      : storage_(storage), clock_(clock), intake_(intake), photos_(photos), sla_rules_(sla_rules) {}

  Response submit(const Request& request);
  /// Whether submit() queues the write and waits for nothing for a JSON report (SQLite).
  [[nodiscard]] bool submit_never_waits() const { return intake_.stores_in_background(); }
  Response track(const Request& request);
  /// GET /api/v1/complaints?status=&unit=&category=&region=&channel=&overdue=&submitted_from=
  /// &submitted_to=&q=&sort=&cursor=&limit=: the cases in the caller's scope that pass the
  /// filter (domain/complaints/case_filter.hpp), newest first or soonest deadline first.
  Response list(const Request& request);
  /// GET /api/v1/complaints/counts?<the same filter>: cases per status, for the inbox tabs.
  Response counts(const Request& request);
  Response show(const Request& request);
  Response events(const Request& request);
  Response act(const Request& request);
  Response reveal(const Request& request);
  /// GET /api/v1/complaints/{id}/photos/{n}[?size=thumbnail]: a photo of a case in scope.
  Response photo(const Request& request);
  /// GET /api/v1/me/complaints: what the signed-in citizen reported (newest 100).
  Response mine(const Request& request);
  /// POST /api/v1/track/{code}/actions {secret, action: reply|confirm|dispute, message, rating}.
  Response reporter_action(const Request& request);

 private:
  Response pending_intake(std::shared_ptr<app::complaints::PreparedIntake> prepared,
                          std::vector<app::ports::StoredPhoto> stored, const Request& request);
  Response intake_response(const app::complaints::IntakeAnswer& answer,
                           const std::vector<app::ports::StoredPhoto>& stored);

  app::ports::Storage& storage_;
  const Clock& clock_;
  app::complaints::ComplaintIntake& intake_;
  app::ports::PhotoStore* photos_;
  app::sla::SlaRules& sla_rules_;
};

}  // namespace sigap::http::handlers
