#pragma once

#include <cstddef>

#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"

namespace sigap::app::sla {

/// Recomputes the deadlines of every case that is not closed or rejected with the policies and
/// calendar in force now (after an admin changed them; `rules` is invalidated first), in
/// batches of kRecomputeBatch, each batch in one transaction. A case changed concurrently by
/// someone else keeps what that change computed (it used the new rules too). Returns how many
/// cases got other deadlines, target, due time or level. Years found missing raise alerts.
Result<std::size_t> recompute_open_cases(ports::Storage& storage, SlaRules& rules, const Clock& clock);

inline constexpr int kRecomputeBatch = 200;

}  // namespace sigap::app::sla
