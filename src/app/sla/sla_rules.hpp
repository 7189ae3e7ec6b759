#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "common/kept.hpp"
#include "domain/sla/policy_lookup.hpp"
#include "domain/sla/sla_policy.hpp"
#include "domain/sla/working_calendar.hpp"

namespace sigap::app::sla {

/// The SLA configuration of a deployment (config keys in docs/sla.md).
struct SlaSettings {
  /// sla_first_response_24h: Central Java's 1×24-hour first response in the city default.
  domain::sla::FirstResponseRule first_response_rule = domain::sla::FirstResponseRule::lapor_follow_up;
};

/// Everything the deadline arithmetic needs that admins can change: the working calendar in
/// force (the decreed one shipped with Sigap plus the admins' amendments and completed years)
/// and the policies. Immutable; shared between threads.
struct SlaBook {
  domain::sla::WorkingCalendar calendar;
  std::vector<domain::sla::SlaPolicyRule> policies;
  domain::sla::SlaPolicy fallback;  // the national defaults with the configured first-response rule

  /// domain::sla::policy_for over these rules.
  [[nodiscard]] domain::sla::SlaPolicy policy_for(std::string_view category_code, std::string_view unit_code) const;
};

/// Hands out the current SlaBook, read from storage and kept for a few seconds (every workflow
/// change needs it; admins change it rarely). invalidate() after a change makes the next call
/// read again; other server processes see the change within kFreshFor. Thread-safe.
class SlaRules {
 public:
  static constexpr std::chrono::seconds kFreshFor{10};

  /// `decreed` must outlive this object (app::sla::indonesia_calendar() lives for the program).
  SlaRules(ports::Storage& storage, const Clock& clock, const domain::sla::WorkingCalendar& decreed,
           SlaSettings settings = {})
      : storage_(storage), clock_(clock), decreed_(decreed), settings_(settings) {}

  Result<std::shared_ptr<const SlaBook>> book();
  void invalidate();

  [[nodiscard]] const domain::sla::WorkingCalendar& decreed() const { return decreed_; }
  [[nodiscard]] const SlaSettings& settings() const { return settings_; }

 private:
  ports::Storage& storage_;
  const Clock& clock_;
  const domain::sla::WorkingCalendar& decreed_;
  SlaSettings settings_;
  Kept<SlaBook> kept_{kFreshFor};
};

}  // namespace sigap::app::sla
