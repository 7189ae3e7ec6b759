#include "app/alerts/alert_board.hpp"

#include <charconv>

#include <fmt/format.h>

#include "app/audit/record_audit.hpp"
#include "common/time_format.hpp"
#include "domain/alerts/alert_kind.hpp"

namespace sigap::app::alerts {

namespace da = domain::access;
namespace dal = domain::alerts;

namespace {

// "o.123" / "c.123": the last row's state (open, closed) and id.
std::string cursor_of(const ports::Alert& alert) { return fmt::format("{}.{}", alert.open() ? 'o' : 'c', alert.id); }

std::optional<std::pair<bool, std::int64_t>> parse_cursor(std::string_view text) {
  if (text.size() < 3 || (text[0] != 'o' && text[0] != 'c') || text[1] != '.') return std::nullopt;
  std::int64_t id = 0;
  auto digits = text.substr(2);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || id <= 0) return std::nullopt;
  return std::pair{text[0] == 'c', id};
}

Error not_found() { return Error(ErrorCode::not_found, Text{"Peringatan tidak ditemukan.", "Alert not found."}); }

}  // namespace

Result<AlertPage> AlertBoard::list(const da::Actor& actor, const AlertFilter& filter) {
  auto scope = da::scope_of(actor, da::Action::read_alerts);
  ports::AlertQuery query;
  query.everywhere = scope.everywhere;
  query.unit_roots = std::move(scope.roots);
  query.unit = filter.unit;
  query.kind = filter.kind;
  query.state = filter.state;
  query.limit = filter.limit;
  if (filter.cursor) {
    query.after = parse_cursor(*filter.cursor);
    if (!query.after) {
      return Error(ErrorCode::validation, Text{"Kursor tidak valid.", "Invalid cursor."},
                   {FieldError{"cursor", Text{"Pakai next_cursor dari halaman sebelumnya.",
                                              "Use next_cursor of the previous page."}}});
    }
  }
  auto alerts = storage_.alerts().list(query);
  if (!alerts) return alerts.error();
  AlertPage page;
  if (static_cast<int>(alerts->size()) == query.limit && !alerts->empty()) page.next_cursor = cursor_of(alerts->back());
  page.items = std::move(*alerts);
  return page;
}

Result<bool> AlertBoard::may(const da::Actor& actor, da::Action action, const ports::Alert& alert) {
  if (alert.unit_code.empty()) return da::scope_of(actor, action).everywhere;
  auto path = storage_.units().path_to(alert.unit_code);
  if (!path) return path.error();
  if (path->empty()) return da::scope_of(actor, action).everywhere;  // a unit since removed
  return da::can(actor, action, da::Resource{*path}) == da::Decision::allow;
}

Result<ports::Alert> AlertBoard::acknowledge(const da::Actor& actor, std::int64_t id, const std::string& ip) {
  auto found = storage_.alerts().find(id);
  if (!found) return found.error();
  if (!*found) return not_found();
  auto alert = std::move(**found);
  auto readable = may(actor, da::Action::read_alerts, alert);
  if (!readable) return readable.error();
  if (!*readable) return not_found();
  auto allowed = may(actor, da::Action::acknowledge_alert, alert);
  if (!allowed) return allowed.error();
  if (!*allowed) {
    return Error(ErrorCode::forbidden,
                 Text{"Anda tidak dapat menindaklanjuti peringatan ini.", "You may not acknowledge this alert."});
  }
  auto already = [](const ports::Alert& seen) {
    const auto when = seen.acknowledged_at ? format_utc(*seen.acknowledged_at) : std::string("?");
    return Error(ErrorCode::conflict,
                 Text{fmt::format("Peringatan ini sudah ditindaklanjuti oleh {} pada {}.", seen.acknowledged_by, when),
                      fmt::format("This alert was acknowledged by {} at {}.", seen.acknowledged_by, when)});
  };
  if (alert.acknowledged_at) return already(alert);
  const auto now = clock_.now();
  const auto kind = dal::alert_kind_from_string(alert.kind);
  const bool close = !(kind && dal::closes_by_itself(*kind));
  const auto by = audit::audit_name(actor);
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto acknowledged = tx.alerts().acknowledge(id, by, now, close);
    if (!acknowledged) return acknowledged.error();
    if (!*acknowledged) {
      return Error(ErrorCode::conflict, Text{"Peringatan ini baru saja ditindaklanjuti orang lain.",
                                             "Someone else acknowledged this alert just now."});
    }
    auto audited = audit::record_audit(
        tx, {now, by, "alert.acknowledged", "alert:" + std::to_string(id), alert.kind + " " + alert.subject, ip});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) {
    if (written.error().code() == ErrorCode::conflict) {
      auto again = storage_.alerts().find(id);
      if (again && *again) return already(**again);
    }
    return written.error();
  }
  alert.acknowledged_by = by;
  alert.acknowledged_at = now;
  if (close && !alert.closed_at) alert.closed_at = now;
  return alert;
}

}  // namespace sigap::app::alerts
