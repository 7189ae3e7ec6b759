#pragma once

#include <string_view>

#include "common/error.hpp"
#include "domain/sla/deadline.hpp"

namespace sigap::domain::sla {

/// Whether a first response is due within 1×24 hours (Central Java's rule, adopted by some
/// cities) or, as in SP4N-LAPOR!'s stages, as the handling unit's follow-up within 5 working days.
enum class FirstResponseRule { lapor_follow_up, within_24_hours };

/// The three limits a complaint is held to (per category, overridable per unit). Each clock
/// runs from: verify — receipt of the complaint; first_response — the moment the handling unit
/// receives it (verification and routing); resolve — receipt. All stop while the case is in
/// need_info. Sources and counting rules: docs/sla.md.
struct SlaPolicy {
  SlaTarget verify;          // default 3 working days (SP4N-LAPOR!: verification by the admin)
  SlaTarget first_response;  // default 5 working days (SP4N-LAPOR!: follow-up), or 24 hours
  SlaTarget resolve;         // default 60 calendar days (Perpres 76/2013)
  bool operator==(const SlaPolicy&) const = default;
};

inline constexpr SlaTarget kDefaultVerify = SlaTarget::working_days(3);
inline constexpr SlaTarget kDefaultFollowUp = SlaTarget::working_days(5);
inline constexpr SlaTarget kCentralJavaFirstResponse = SlaTarget::hours(24);
inline constexpr SlaTarget kDefaultResolve = SlaTarget::calendar_days(60);

/// The national defaults; `rule` switches the first response to 1×24 hours.
SlaPolicy default_sla_policy(FirstResponseRule rule = FirstResponseRule::lapor_follow_up);

/// Checks an admin's policy: every amount at least 1, calendar hours at most 8,784 (one leap
/// year), working days at most 260 (about a working year), and verification not allowed more
/// time than resolution when both count the same way. Errors: validation with per-field
/// messages on "verify", "first_response" and "resolve".
Result<void> validate_sla_policy(const SlaPolicy& policy);

/// "calendar_hours" / "working_days": the names used by the API and the database.
std::string_view to_string(SlaUnit unit);
/// The inverse of to_string; a validation error names `field`.
Result<SlaUnit> sla_unit_from_string(std::string_view text, std::string_view field);

}  // namespace sigap::domain::sla
