#pragma once

#include <cstdint>
#include <vector>

#include "app/ports/transaction.hpp"

namespace sigap::app::dashboard {

/// Brings the dashboard figures of the cases `ids` up to date inside `tx`: for each case,
/// locks its stored contribution, reads the case as stored now, and when its contribution
/// changed (domain::dashboard::contribution_of), subtracts the old one from the counters and adds
/// the new one. Idempotent: refreshing a case twice changes nothing the second time. Does
/// nothing while the figures were never built (the rebuild will count every case). Returns how
/// many cases changed their contribution.
Result<std::size_t> refresh_cases(ports::Transaction& tx, const std::vector<std::int64_t>& ids);

}  // namespace sigap::app::dashboard
