#pragma once

#include "app/ports/photo_store.hpp"
#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// What staff write and add to a case in their scope besides workflow actions: public replies
/// and internal notes, and the "after" photos that prove field work was done.
class CaseWorkHandlers {
 public:
  CaseWorkHandlers(app::ports::Storage& storage, const Clock& clock, app::ports::PhotoStore* photos,
                   app::sla::SlaRules& sla_rules)
      : storage_(storage), clock_(clock), photos_(photos), sla_rules_(sla_rules) {}

  /// POST /api/v1/complaints/{id}/messages {kind: reply|note, text}; If-Match optional.
  Response post_message(const Request& request);
  /// POST /api/v1/complaints/{id}/photos: multipart, parts "photos" (up to five).
  Response add_after_photos(const Request& request);

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::ports::PhotoStore* photos_;
  app::sla::SlaRules& sla_rules_;
};

}  // namespace sigap::http::handlers
