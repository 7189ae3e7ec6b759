#include "domain/alerts/alert_kind.hpp"

#include <array>
#include <utility>

namespace sigap::domain::alerts {

namespace {

constexpr std::array<std::pair<AlertKind, std::string_view>, 6> kKinds{{
    {AlertKind::calendar_missing, "calendar_missing"},
    {AlertKind::sla_breach, "sla_breach"},
    {AlertKind::sla_parent_escalation, "sla_parent_escalation"},
    {AlertKind::unstaffed, "unstaffed"},
    {AlertKind::camera_down, "camera_down"},
    {AlertKind::surge, "surge"},
}};

}  // namespace

std::string_view to_string(AlertKind kind) {
  for (const auto& [value, name] : kKinds) {
    if (value == kind) return name;
  }
  return "surge";
}

std::optional<AlertKind> alert_kind_from_string(std::string_view text) {
  for (const auto& [value, name] : kKinds) {
    if (name == text) return value;
  }
  return std::nullopt;
}

bool closes_by_itself(AlertKind kind) { return kind == AlertKind::unstaffed || kind == AlertKind::camera_down; }

std::string_view to_string(Severity severity) { return severity == Severity::critical ? "critical" : "warning"; }

std::string unit_subject(std::string_view unit_code) { return "unit:" + std::string(unit_code); }

std::string camera_subject(std::int64_t camera_id) { return "camera:" + std::to_string(camera_id); }

}  // namespace sigap::domain::alerts
