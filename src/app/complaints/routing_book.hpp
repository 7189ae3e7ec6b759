#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "common/kept.hpp"
#include "domain/complaints/category_suggestion.hpp"
#include "domain/complaints/routing.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::app::complaints {

/// What intake reads of the master data to place a complaint: the categories with their
/// keywords folded for suggestions, the routing rules and the units. One read serves every
/// intake for a while: they change only when an admin edits them.
struct RoutingBook {
  explicit RoutingBook(domain::complaints::CategoryKeywords folded) : categories(std::move(folded)) {}

  domain::complaints::CategoryKeywords categories;
  std::vector<domain::complaints::RoutingRule> rules;
  std::unordered_map<std::string, domain::master_data::Unit> units;  // by code

  /// The unit with `code`, or nullptr.
  [[nodiscard]] const domain::master_data::Unit* unit(const std::string& code) const;
};

/// Keeps a RoutingBook and which kelurahan codes exist, read again from storage at most every
/// kFreshFor, or at once after invalidate() (called by this process's admin edits; another
/// process serving the same PostgreSQL database sees an edit within kFreshFor). Thread-safe.
class RoutingDirectory {
 public:
  static constexpr std::chrono::seconds kFreshFor{10};

  RoutingDirectory(ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  Result<std::shared_ptr<const RoutingBook>> book();
  /// Whether the region exists. Answers are kept with the book (up to kMaxRegionAnswers).
  Result<bool> region_known(std::string_view code);
  /// Forgets what was read: the next call reads the master data again.
  void invalidate();

 private:
  static constexpr std::size_t kMaxRegionAnswers = 100'000;

  ports::Storage& storage_;
  const Clock& clock_;
  Kept<RoutingBook> kept_{kFreshFor};
  std::mutex mutex_;
  std::unordered_map<std::string, bool> regions_;       // GUARDED_BY(mutex_)
  TimePoint regions_read_at_{};                         // GUARDED_BY(mutex_)
};

}  // namespace sigap::app::complaints
