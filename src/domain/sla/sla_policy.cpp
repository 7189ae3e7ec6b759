#include "domain/sla/sla_policy.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

namespace sigap::domain::sla {

namespace {

constexpr int kMaxCalendarHours = 366 * 24;
constexpr int kMaxWorkingDays = 260;

void check_target(const SlaTarget& target, std::string_view field, std::vector<FieldError>& errors) {
  const bool hours = target.unit == SlaUnit::calendar_hours;
  const int most = hours ? kMaxCalendarHours : kMaxWorkingDays;
  if (target.amount >= 1 && target.amount <= most) return;
  errors.push_back(FieldError{
      std::string(field),
      hours ? Text{fmt::format("Isi antara 1 dan {} jam.", most), fmt::format("Give between 1 and {} hours.", most)}
            : Text{fmt::format("Isi antara 1 dan {} hari kerja.", most),
                   fmt::format("Give between 1 and {} working days.", most)}});
}

}  // namespace

SlaPolicy default_sla_policy(FirstResponseRule rule) {
  return SlaPolicy{kDefaultVerify,
                   rule == FirstResponseRule::within_24_hours ? kCentralJavaFirstResponse : kDefaultFollowUp,
                   kDefaultResolve};
}

Result<void> validate_sla_policy(const SlaPolicy& policy) {
  std::vector<FieldError> errors;
  check_target(policy.verify, "verify", errors);
  check_target(policy.first_response, "first_response", errors);
  check_target(policy.resolve, "resolve", errors);
  if (errors.empty() && policy.verify.unit == policy.resolve.unit && policy.verify.amount > policy.resolve.amount) {
    errors.push_back(FieldError{"verify", Text{"Batas verifikasi tidak boleh lebih lama dari batas penyelesaian.",
                                               "Verification cannot be allowed longer than resolution."}});
  }
  if (errors.empty()) return {};
  return Error(ErrorCode::validation, Text{"Kebijakan SLA tidak valid.", "Invalid SLA policy."}, std::move(errors));
}

std::string_view to_string(SlaUnit unit) {
  switch (unit) {
    case SlaUnit::calendar_hours:
      return "calendar_hours";
    case SlaUnit::working_days:
      return "working_days";
  }
  return "calendar_hours";
}

Result<SlaUnit> sla_unit_from_string(std::string_view text, std::string_view field) {
  for (auto unit : {SlaUnit::calendar_hours, SlaUnit::working_days}) {
    if (to_string(unit) == text) return unit;
  }
  return Error(ErrorCode::validation, Text{"Satuan SLA tidak dikenal.", "Unknown SLA unit."},
               {FieldError{std::string(field),
                           Text{"Gunakan calendar_hours atau working_days.", "Use calendar_hours or working_days."}}});
}

}  // namespace sigap::domain::sla
