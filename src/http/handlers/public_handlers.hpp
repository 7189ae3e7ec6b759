#pragma once

#include <map>
#include <mutex>
#include <string>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// Transparency for everyone, signed in or not: the public list of cases and the public
/// figures per unit. Nothing personal ever leaves here: no reporter, no address, no account;
/// coordinates are rounded to about 100 m and left out for anonymous reports.
/// Thread-safe (the figures cache is guarded by a mutex).
class PublicHandlers {
 public:
  PublicHandlers(app::ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  /// GET /api/v1/public/complaints?region=&category=&status=&cursor=&limit=: non-confidential,
  /// unmerged cases, newest first.
  Response complaints(const Request& request);
  /// GET /api/v1/public/stats?from=&to=: figures of the cases submitted in the period, for the
  /// city and per unit. Answers are kept for a minute (the same for every caller).
  Response stats(const Request& request);

 private:
  struct CachedFigures {
    TimePoint made{};
    std::string body;
  };
  app::ports::Storage& storage_;
  const Clock& clock_;
  std::mutex mutex_;
  std::map<std::string, CachedFigures> figures_cache_;  // GUARDED_BY(mutex_), keyed by period
};

}  // namespace sigap::http::handlers
