#include "app/complaints/routing_book.hpp"

namespace sigap::app::complaints {

const domain::master_data::Unit* RoutingBook::unit(const std::string& code) const {
  auto found = units.find(code);
  return found == units.end() ? nullptr : &found->second;
}

Result<std::shared_ptr<const RoutingBook>> RoutingDirectory::book() {
  return kept_.get(clock_.now(), [this]() -> Result<RoutingBook> {
    auto categories = storage_.categories().list();
    if (!categories) return categories.error();
    auto rules = storage_.complaints().routing_rules();
    if (!rules) return rules.error();
    auto units = storage_.units().list({});
    if (!units) return units.error();
    RoutingBook fresh(domain::complaints::CategoryKeywords(std::move(*categories)));
    fresh.rules = std::move(*rules);
    for (auto& unit : *units) {
      auto code = unit.code;
      fresh.units.emplace(std::move(code), std::move(unit));
    }
    return fresh;
  });
}

Result<bool> RoutingDirectory::region_known(std::string_view code) {
  auto now = clock_.now();
  std::string key(code);
  {
    std::lock_guard lock(mutex_);
    if (now < regions_read_at_ || now - regions_read_at_ >= kFreshFor) {
      regions_.clear();
      regions_read_at_ = now;
    }
    if (auto known = regions_.find(key); known != regions_.end()) return known->second;
  }
  auto region = storage_.regions().find(code);
  if (!region) return region.error();
  bool known = region->has_value();
  std::lock_guard lock(mutex_);
  if (regions_.size() < kMaxRegionAnswers) regions_.emplace(std::move(key), known);
  return known;
}

void RoutingDirectory::invalidate() {
  kept_.invalidate();
  std::lock_guard lock(mutex_);
  regions_.clear();
}

}  // namespace sigap::app::complaints
