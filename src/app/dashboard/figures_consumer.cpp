#include "app/dashboard/figures_consumer.hpp"

#include "app/dashboard/refresh_figures.hpp"

namespace sigap::app::dashboard {

Result<void> FiguresConsumer::fan_out(ports::Transaction& tx, const std::vector<ports::OutboxEntry>& batch,
                                      TimePoint /*now*/) {
  std::vector<std::int64_t> ids;
  ids.reserve(batch.size());
  for (const auto& entry : batch) ids.push_back(entry.event.complaint_id);
  auto refreshed = refresh_cases(tx, ids);
  if (!refreshed) return refreshed.error();
  return {};
}

}  // namespace sigap::app::dashboard
