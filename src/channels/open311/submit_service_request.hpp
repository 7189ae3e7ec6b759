#pragma once

#include <string>
#include <string_view>

#include "app/complaints/submit_complaint.hpp"
#include "app/ports/storage.hpp"
#include "channels/open311/service_request_form.hpp"
#include "common/clock.hpp"
#include "common/text.hpp"
#include "domain/access/access.hpp"

namespace sigap::channels::open311 {

/// The client behind a form's api_key: an API key (docs/identity.md) holding the submit_case
/// scope. A missing, unknown, revoked or expired key, or one without that scope, is
/// `forbidden` (GeoReport answers 403 for a missing or invalid api_key).
Result<domain::access::Actor> authenticate_api_key(app::ports::Storage& storage, const Clock& clock,
                                                   std::string_view api_key);

/// What POST requests answers.
struct SubmittedServiceRequest {
  std::string service_request_id;  // the public code
  std::string service_notice;
  std::string account_id;          // echoed from the request (not kept)
  bool replayed = false;           // a retry with the same Idempotency-Key: the first answer
};

/// GeoReport `POST requests`: files the request as a complaint through the same intake as
/// POST /api/v1/complaints (channel open311), so validation, routing, deadlines, duplicates and
/// the public code are the same. Before anything is written, the service must exist (else
/// `not_found`), the answers must fit its attributes and the complaint must pass the intake's
/// rules (validation errors name the Open311 arguments: lat, address_id, first_name, ...).
///
/// The submission (attributes, media_url) is stored first under its token, then the case is
/// filed with the intake Idempotency-Key "open311:<token>", then the two are linked. The token
/// is the client's Idempotency-Key when it sends one (a retry with the same key and form gets
/// the first answer; the same key with another form is a validation error), a random one
/// otherwise. Thread-safe.
class ServiceRequestIntake {
 public:
  ServiceRequestIntake(app::ports::Storage& storage, const Clock& clock, app::complaints::ComplaintIntake& intake)
      : storage_(storage), clock_(clock), intake_(intake) {}

  /// `request_hash`: a digest of the form as sent (a reused key is told by it).
  Result<SubmittedServiceRequest> submit(const ServiceRequestForm& form, const domain::access::Actor& client,
                                         std::string_view idempotency_key, std::string_view request_hash,
                                         Language language);

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::complaints::ComplaintIntake& intake_;
};

inline constexpr std::size_t kMaxIdempotencyKey = 128;

}  // namespace sigap::channels::open311
