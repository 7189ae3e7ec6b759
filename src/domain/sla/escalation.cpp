#include "domain/sla/escalation.hpp"

#include <algorithm>
#include <vector>

namespace sigap::domain::sla {

namespace {

// Sorted and merged, empty pauses dropped.
std::vector<Pause> merged(std::span<const Pause> pauses) {
  std::vector<Pause> sorted;
  for (const auto& pause : pauses) {
    if (pause.from < pause.to) sorted.push_back(pause);
  }
  std::sort(sorted.begin(), sorted.end(), [](const Pause& a, const Pause& b) { return a.from < b.from; });
  std::vector<Pause> out;
  for (const auto& pause : sorted) {
    if (!out.empty() && pause.from <= out.back().to) {
      out.back().to = std::max(out.back().to, pause.to);
    } else {
      out.push_back(pause);
    }
  }
  return out;
}

Result<Duration> span_time(TimePoint from, TimePoint to, SlaUnit unit, const Schedule& schedule) {
  if (to <= from) return Duration{0};
  if (unit == SlaUnit::calendar_hours) return to - from;
  return service_time_between(from, to, schedule);
}

Result<TimePoint> advance(TimePoint from, Duration amount, SlaUnit unit, const Schedule& schedule) {
  if (unit == SlaUnit::calendar_hours) return from + amount;
  return advance_service_time(from, amount, schedule);
}

Duration share_of(Duration allowed, double share) {
  return std::chrono::duration_cast<Duration>(
      std::chrono::duration<double, Duration::period>(static_cast<double>(allowed.count()) * share));
}

}  // namespace

Result<Duration> running_time_between(TimePoint from, TimePoint to, std::span<const Pause> pauses, SlaUnit unit,
                                      const Schedule& schedule) {
  auto total = span_time(from, to, unit, schedule);
  if (!total) return total;
  for (const auto& pause : merged(pauses)) {
    auto paused = span_time(std::max(from, pause.from), std::min(to, pause.to), unit, schedule);
    if (!paused) return paused;
    *total -= *paused;
  }
  return total;
}

Result<TimePoint> after_running_time(TimePoint from, Duration amount, std::span<const Pause> pauses, SlaUnit unit,
                                     const Schedule& schedule) {
  TimePoint at = from;
  for (const auto& pause : merged(pauses)) {
    if (pause.to <= at) continue;
    auto available = span_time(at, std::max(at, pause.from), unit, schedule);
    if (!available) return available.error();
    if (*available >= amount) return advance(at, amount, unit, schedule);
    amount -= *available;
    at = pause.to;
  }
  return advance(at, amount, unit, schedule);
}

Result<LevelTimes> level_times(TimePoint start, TimePoint due, std::span<const Pause> pauses, SlaTarget target,
                               const Schedule& schedule) {
  auto allowed = running_time_between(start, due, pauses, target.unit, schedule);
  if (!allowed) return allowed.error();
  auto warn = after_running_time(start, share_of(*allowed, kWarnShare), pauses, target.unit, schedule);
  if (!warn) return warn.error();
  auto parent = after_running_time(due, share_of(*allowed, kParentShare), pauses, target.unit, schedule);
  if (!parent) return parent.error();
  return LevelTimes{std::min(*warn, due), due, std::max(*parent, due)};
}

SlaLevel level_due(const LevelTimes& times, TimePoint now) {
  if (now >= times.parent) return SlaLevel::escalated_parent;
  if (now >= times.breach) return SlaLevel::escalated_supervisor;
  if (now >= times.warn) return SlaLevel::warned;
  return SlaLevel::on_time;
}

std::optional<TimePoint> next_level_at(const LevelTimes& times, SlaLevel reached) {
  switch (reached) {
    case SlaLevel::on_time:
      return times.warn;
    case SlaLevel::warned:
      return times.breach;
    case SlaLevel::escalated_supervisor:
      return times.parent;
    case SlaLevel::escalated_parent:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace sigap::domain::sla
