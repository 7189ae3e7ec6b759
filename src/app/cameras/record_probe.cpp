#include "app/cameras/record_probe.hpp"

#include <fmt/format.h>

#include "app/command_center/wall_clock.hpp"
#include "domain/alerts/alert_kind.hpp"

namespace sigap::app::cameras {

namespace dal = domain::alerts;

Result<ProbeRecord> record_probe(ports::Storage& storage, const domain::cameras::Camera& camera,
                                 const std::string& unit_name, domain::sla::UnitTimeZone zone, bool alert_open,
                                 const domain::cameras::ProbeResult& result, TimePoint now) {
  auto verdict = domain::cameras::judge_probe(camera.health, alert_open, result, now);
  ProbeRecord record;
  record.health = verdict.health;
  if (!verdict.changed && !verdict.raise_alert && !verdict.close_alert) return record;
  const auto kind = std::string(dal::to_string(dal::AlertKind::camera_down));
  const auto subject = dal::camera_subject(camera.id);
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    if (verdict.changed) {
      auto set = tx.cameras().set_health(camera.id, verdict.health);
      if (!set) return set.error();
      if (!*set) return {};  // removed meanwhile
    }
    if (verdict.raise_alert) {
      ports::Alert alert;
      alert.kind = kind;
      alert.severity = std::string(dal::to_string(dal::Severity::warning));
      alert.unit_code = camera.unit_code;
      alert.subject = subject;
      const auto since = command_center::wall_clock(verdict.health.since, zone);
      alert.message = fmt::format(
          "Kamera {0} di {1} tidak menjawab sejak {2} ({3}). / Camera {0} at {1} has not answered since {2} ({3}).",
          camera.name, unit_name, since, verdict.health.last_error);
      alert.created_at = now;
      auto raised = tx.alerts().raise(alert);
      if (!raised) return raised.error();
      record.raised = raised->has_value();
    }
    if (verdict.close_alert) {
      auto closed = tx.alerts().close(kind, subject, now);
      if (!closed) return closed.error();
      record.closed = *closed;
    }
    return {};
  });
  if (!written) return written.error();
  return record;
}

}  // namespace sigap::app::cameras
