#include "app/sla/sla_rules.hpp"

#include "domain/sla/calendar_amendments.hpp"

namespace sigap::app::sla {

namespace ds = domain::sla;

ds::SlaPolicy SlaBook::policy_for(std::string_view category_code, std::string_view unit_code) const {
  return ds::policy_for(policies, category_code, unit_code, fallback);
}

Result<std::shared_ptr<const SlaBook>> SlaRules::book() {
  return kept_.get(clock_.now(), [this]() -> Result<SlaBook> {
    auto policies = storage_.sla().policies();
    if (!policies) return policies.error();
    auto amendments = storage_.sla().calendar_amendments();
    if (!amendments) return amendments.error();
    auto years = storage_.sla().completed_years();
    if (!years) return years.error();
    return SlaBook{ds::amended_calendar(decreed_, *amendments, *years), std::move(*policies),
                   ds::default_sla_policy(settings_.first_response_rule)};
  });
}

void SlaRules::invalidate() { kept_.invalidate(); }

}  // namespace sigap::app::sla
