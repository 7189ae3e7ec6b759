#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sigap::domain::alerts {

/// What an alert is about. Two sorts:
/// - a *condition* that ends by itself (an office unstaffed, a camera down): the alert closes
///   when the condition ends; acknowledging it records who has seen it, and it stays open;
/// - an *event* (an SLA breach, a surge of reports, a year without a working calendar): nothing
///   ends it but a person, so acknowledging it also closes it.
enum class AlertKind {
  calendar_missing,       // a deadline runs into a year with no working calendar (docs/sla.md)
  sla_breach,             // a case passed its deadline; its unit's supervisor was told
  sla_parent_escalation,  // and a quarter of the allowed time later, the parent unit
  unstaffed,              // an office nobody is checked in at during service hours
  camera_down,            // a camera not answering for 5 minutes
  surge,                  // a category in a kecamatan at more than 3× its usual hourly rate
};

std::string_view to_string(AlertKind kind);
std::optional<AlertKind> alert_kind_from_string(std::string_view text);

/// Whether the alert closes by itself when its condition ends (unstaffed, camera_down); the
/// others close when acknowledged.
bool closes_by_itself(AlertKind kind);

/// "warning" or "critical".
enum class Severity { warning, critical };
std::string_view to_string(Severity severity);

/// The subject of the alert about a unit office ("unit:<code>", unstaffed) and about a camera
/// ("camera:<id>", camera_down): one open alert per subject and kind.
std::string unit_subject(std::string_view unit_code);
std::string camera_subject(std::int64_t camera_id);

}  // namespace sigap::domain::alerts
