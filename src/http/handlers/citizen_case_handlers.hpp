#pragma once

#include "app/complaints/open_case_index.hpp"
#include "app/ports/photo_store.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// What a citizen does about a case without an account: look for reports like theirs before
/// sending, support one ("+1") instead of filing again, and add photos to their own report with
/// the reporter secret.
class CitizenCaseHandlers {
 public:
  CitizenCaseHandlers(app::ports::Storage& storage, const Clock& clock, app::complaints::OpenCaseIndex& open_cases,
                      app::ports::PhotoStore* photos)
      : storage_(storage), clock_(clock), open_cases_(open_cases), photos_(photos) {}

  /// POST /api/v1/possible-duplicates {category, title?, description, location?, region_code?}
  Response possible_duplicates(const Request& request);
  /// POST /api/v1/track/{code}/support {device?}: signed-in citizens count by account, others by
  /// the random id their phone keeps.
  Response support(const Request& request);
  /// POST /api/v1/track/{code}/photos: multipart, a part "secret" and parts "photos".
  Response add_photos(const Request& request);

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::complaints::OpenCaseIndex& open_cases_;
  app::ports::PhotoStore* photos_;
};

}  // namespace sigap::http::handlers
