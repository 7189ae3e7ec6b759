#include "app/presence/watch_presence.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "app/command_center/wall_clock.hpp"
#include "common/logging.hpp"
#include "domain/alerts/alert_kind.hpp"
#include "domain/presence/staffing.hpp"

namespace sigap::app::presence {

namespace dp = domain::presence;
namespace dal = domain::alerts;

Result<PresenceWatchReport> watch_presence(ports::Storage& storage, sla::SlaRules& rules, TimePoint now) {
  PresenceWatchReport report;
  auto open = storage.presence().open_sessions();
  if (!open) return open.error();
  std::vector<ports::PresenceSession> lapsing;
  std::set<std::string, std::less<>> staffed;
  for (const auto& session : *open) {
    if (now >= session.checked_in_at + dp::kLongestPresence) {
      lapsing.push_back(session);
    } else {
      staffed.insert(session.unit_code);
    }
  }
  auto fences = storage.presence().geofences();
  if (!fences) return fences.error();
  auto units = storage.units().list({});
  if (!units) return units.error();
  std::map<std::string, const domain::master_data::Unit*, std::less<>> unit_of;
  for (const auto& unit : *units) unit_of.emplace(unit.code, &unit);
  auto book = rules.book();
  if (!book) return book.error();
  auto last_outs = storage.presence().last_check_outs(now - std::chrono::days(8));
  if (!last_outs) return last_outs.error();
  std::map<std::string, TimePoint, std::less<>> last_out;
  for (const auto& out : *last_outs) last_out[out.unit_code] = out.at;
  for (const auto& session : lapsing) {
    auto ended = session.checked_in_at + dp::kLongestPresence;
    auto& last = last_out[session.unit_code];
    last = std::max(last, ended);
  }
  const auto kind = std::string(dal::to_string(dal::AlertKind::unstaffed));
  auto alerts = storage.alerts().open_of_kind(kind);
  if (!alerts) return alerts.error();
  std::set<std::string, std::less<>> alerted;
  for (const auto& alert : *alerts) alerted.insert(alert.subject);

  std::vector<ports::Alert> to_raise;
  std::vector<std::string> to_close;
  std::set<std::string, std::less<>> watched;
  for (const auto& fence : *fences) {
    auto found = unit_of.find(fence.unit_code);
    if (found == unit_of.end()) continue;
    const auto& unit = *found->second;
    ++report.offices;
    const auto subject = dal::unit_subject(unit.code);
    watched.insert(subject);
    const auto zone = command_center::zone_of(unit.time_zone);
    dp::OfficeHours hours{unit.service_hours, zone, (*book)->calendar};
    dp::StaffingInput input;
    input.staffed_now = staffed.contains(unit.code);
    if (auto out = last_out.find(unit.code); out != last_out.end()) input.last_check_out = out->second;
    auto verdict = dp::judge_staffing(hours, input, now);
    const bool open_alert = alerted.contains(subject);
    if (verdict.alert_due && !open_alert) {
      ports::Alert alert;
      alert.kind = kind;
      alert.severity = std::string(dal::to_string(dal::Severity::warning));
      alert.unit_code = unit.code;
      alert.subject = subject;
      const auto since = command_center::wall_clock(*verdict.unstaffed_since, zone);
      alert.message = fmt::format(
          "Tidak ada petugas yang presensi di {0} sejak {1}, pada jam layanan. / Nobody has been checked in at {0} "
          "since {1}, during service hours.",
          unit.name, since);
      alert.created_at = now;
      to_raise.push_back(std::move(alert));
    } else if (open_alert && !verdict.unstaffed_since) {
      to_close.push_back(subject);
    }
  }
  // An office that lost its location is no longer watched.
  for (const auto& subject : alerted) {
    if (!watched.contains(subject)) to_close.push_back(subject);
  }
  if (lapsing.empty() && to_raise.empty() && to_close.empty()) return report;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    report.lapsed = report.raised = report.closed = 0;
    for (const auto& session : lapsing) {
      auto ended = tx.presence().check_out(session.id, session.checked_in_at + dp::kLongestPresence, std::nullopt,
                                           std::nullopt, "lapsed");
      if (!ended) return ended.error();
      if (*ended) ++report.lapsed;
    }
    for (const auto& alert : to_raise) {
      auto raised = tx.alerts().raise(alert);
      if (!raised) return raised.error();
      if (*raised) ++report.raised;
    }
    for (const auto& subject : to_close) {
      auto closed = tx.alerts().close(kind, subject, now);
      if (!closed) return closed.error();
      if (*closed) ++report.closed;
    }
    return {};
  });
  if (!written) return written.error();
  if (report.raised + report.closed + report.lapsed > 0) {
    logging::app().info("presence watch: {} offices, {} unstaffed alerts raised, {} closed, {} check-ins lapsed",
                        report.offices, report.raised, report.closed, report.lapsed);
  }
  return report;
}

}  // namespace sigap::app::presence
