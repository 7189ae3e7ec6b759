#include "app/sla/sla_rules.hpp"

#include "domain/sla/calendar_amendments.hpp"

namespace sigap::app::sla {

namespace ds = domain::sla;

ds::SlaPolicy SlaBook::policy_for(std::string_view category_code, std::string_view unit_code) const {
  return ds::policy_for(policies, category_code, unit_code, fallback);
}

Result<std::shared_ptr<const SlaBook>> SlaRules::book() {
  auto now = clock_.now();
  {
    std::lock_guard lock(mutex_);
    if (book_ && now >= read_at_ && now - read_at_ < kFreshFor) return book_;
  }
  auto policies = storage_.sla().policies();
  if (!policies) return policies.error();
  auto amendments = storage_.sla().calendar_amendments();
  if (!amendments) return amendments.error();
  auto years = storage_.sla().completed_years();
  if (!years) return years.error();
  auto fresh =
      std::make_shared<const SlaBook>(SlaBook{ds::amended_calendar(decreed_, *amendments, *years), std::move(*policies),
                                              ds::default_sla_policy(settings_.first_response_rule)});
  std::lock_guard lock(mutex_);
  book_ = fresh;
  read_at_ = now;
  return fresh;
}

void SlaRules::invalidate() {
  std::lock_guard lock(mutex_);
  book_.reset();
}

}  // namespace sigap::app::sla
