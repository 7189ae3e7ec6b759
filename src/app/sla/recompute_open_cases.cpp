#include "app/sla/recompute_open_cases.hpp"

#include <map>
#include <vector>

#include "app/dashboard/refresh_figures.hpp"
#include "app/sla/case_sla.hpp"
#include "common/logging.hpp"

namespace sigap::app::sla {

namespace dc = domain::complaints;

namespace {

struct Recomputed {
  dc::Complaint complaint;
  std::int64_t expected_version = 0;
  SlaRecompute outcome;
};

}  // namespace

Result<std::size_t> recompute_open_cases(ports::Storage& storage, SlaRules& rules, const Clock& clock) {
  rules.invalidate();
  auto book = rules.book();
  if (!book) return book.error();
  std::map<std::string, std::optional<domain::master_data::Unit>> units;
  std::size_t changed = 0;
  std::int64_t after_id = 0;
  for (;;) {
    auto ids = storage.sla().open_cases(after_id, kRecomputeBatch);
    if (!ids) return ids.error();
    if (ids->empty()) break;
    after_id = ids->back();
    const auto now = clock.now();
    std::vector<Recomputed> batch;
    for (auto id : *ids) {
      auto found = storage.complaints().find_by_id(id);
      if (!found) return found.error();
      if (!found->has_value()) continue;
      auto events = storage.complaints().events(id, false);
      if (!events) return events.error();
      auto& unit = units[(*found)->unit_code];
      if (!unit) {
        auto read = storage.units().find_by_code((*found)->unit_code);
        if (!read) return read.error();
        unit = std::move(*read);
      }
      Recomputed item{std::move(**found), 0, {}};
      item.expected_version = item.complaint.version;
      const CaseSlaInputs inputs{*book, unit, std::move(*events)};
      item.outcome = recompute_case_sla(item.complaint, inputs, nullptr, now);
      batch.push_back(std::move(item));
    }
    std::size_t changed_here = 0;
    auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
      changed_here = 0;
      for (const auto& item : batch) {
        auto version = item.expected_version;
        if (item.outcome.changed) {
          auto updated = tx.complaints().update_state(item.complaint, version);
          if (!updated && updated.error().code() == ErrorCode::precondition_failed) continue;  // changed meanwhile
          if (!updated) return updated;
          ++version;
          ++changed_here;
          // No event tells of this change: the dashboard figures follow it here.
          auto refreshed = dashboard::refresh_cases(tx, {item.complaint.id});
          if (!refreshed) return refreshed.error();
        }
        auto stored = store_case_sla(tx, item.complaint, item.outcome, now, version);
        if (!stored && stored.error().code() == ErrorCode::precondition_failed) continue;
        if (!stored) return stored;
      }
      return {};
    });
    if (!written) return written.error();
    changed += changed_here;
  }
  logging::app().info("sla: recomputed the open cases; {} changed", changed);
  return changed;
}

}  // namespace sigap::app::sla
