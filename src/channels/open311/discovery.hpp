#pragma once

#include <mutex>
#include <string>
#include <string_view>

#include "app/ports/storage.hpp"
#include "channels/open311/georeport_document.hpp"
#include "channels/open311/open311_settings.hpp"
#include "common/clock.hpp"
#include "common/text.hpp"

namespace sigap::channels::open311 {

/// Whether a request's jurisdiction_id is served: absent or empty (one jurisdiction only), or
/// the configured one. Another is `not_found` naming jurisdiction_id.
Result<void> check_jurisdiction(const Open311Settings& settings, std::string_view given);

/// The Open311 service discovery document (wiki.open311.org/Service_Discovery): changeset,
/// contact, key_service and one GeoReport v2 endpoint (production, XML and JSON). `changeset`
/// moves when the services or their definitions change: the catalogue is fingerprinted on each
/// call and the time it was first seen with its present content is the changeset (a restart
/// counts as a change, so clients refresh once). Thread-safe.
class Discovery {
 public:
  Discovery(app::ports::Storage& storage, const Clock& clock, Open311Settings settings)
      : storage_(storage), clock_(clock), settings_(std::move(settings)) {}

  /// `base_url`: where this server is reached ("https://sigap.palembang.go.id"); the endpoint
  /// is base_url + "/open311/v2".
  Result<Document> document(std::string_view base_url, Language language);

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  Open311Settings settings_;
  std::mutex mutex_;
  std::string fingerprint_;  // GUARDED_BY(mutex_)
  TimePoint changed_at_{};   // GUARDED_BY(mutex_)
};

inline constexpr std::string_view kGeoReportV2 = "http://wiki.open311.org/GeoReport_v2";

}  // namespace sigap::channels::open311
