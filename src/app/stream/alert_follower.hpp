#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "app/ports/alert_repository.hpp"

namespace sigap::app::stream {

/// Follows the alerts table for the live stream: alerts are not in the outbox, so each look
/// reads the open alerts and those newer than the last seen (AlertRepository::open_or_after:
/// the partial index of open alerts and the primary key) and compares them with the previous
/// look. What changed is returned: a new alert, an acknowledgement, a close (an alert that left
/// the open set is read by id). The first look only learns what is there. Not thread-safe: the
/// hub's reader thread owns it.
class AlertFollower {
 public:
  /// The alerts raised, acknowledged or closed since the previous look, by id.
  Result<std::vector<ports::Alert>> look(ports::AlertRepository& alerts);

 private:
  bool primed_ = false;
  std::int64_t last_id_ = 0;
  std::map<std::int64_t, ports::Alert> open_;  // as seen at the previous look
};

}  // namespace sigap::app::stream
