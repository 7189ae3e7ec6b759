#include "app/stream/alert_follower.hpp"

#include <algorithm>
#include <limits>

namespace sigap::app::stream {

Result<std::vector<ports::Alert>> AlertFollower::look(ports::AlertRepository& alerts) {
  if (!primed_) {
    // The open ones, then everything above the newest of them: what exists now is not news.
    auto open = alerts.open_or_after(std::numeric_limits<std::int64_t>::max());
    if (!open) return open.error();
    for (const auto& alert : *open) last_id_ = std::max(last_id_, alert.id);
    auto rest = alerts.open_or_after(last_id_);
    if (!rest) return rest.error();
    for (auto& alert : *rest) {
      last_id_ = std::max(last_id_, alert.id);
      if (alert.open()) open_.emplace(alert.id, std::move(alert));
    }
    primed_ = true;
    return std::vector<ports::Alert>{};
  }
  auto seen = alerts.open_or_after(last_id_);
  if (!seen) return seen.error();
  std::vector<ports::Alert> changed;
  std::map<std::int64_t, ports::Alert> open;
  for (auto& alert : *seen) {
    last_id_ = std::max(last_id_, alert.id);
    auto before = open_.find(alert.id);
    if (before == open_.end() || before->second != alert) changed.push_back(alert);
    if (before != open_.end()) open_.erase(before);
    if (alert.open()) open.emplace(alert.id, std::move(alert));
  }
  // Open at the previous look and not now: closed since (or gone).
  for (const auto& [id, alert] : open_) {
    auto now = alerts.find(id);
    if (!now) return now.error();
    if (*now) changed.push_back(**now);
  }
  open_ = std::move(open);
  std::sort(changed.begin(), changed.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return changed;
}

}  // namespace sigap::app::stream
