#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"

namespace sigap::app::dashboard {

struct RebuildReport {
  std::int64_t cases = 0;
  std::chrono::milliseconds took{0};
};

/// Called after each page of cases: how many are counted so far, of about how many.
using RebuildProgress = std::function<void(std::int64_t done, std::int64_t total)>;

/// The full recomputation: empties the dashboard figures and counts every case again from the
/// complaints as stored, in ONE transaction that also holds the outbox dispatch lock, so no
/// dispatcher batch runs meanwhile and the result is exactly the figures of the cases as they
/// are at its commit. On PostgreSQL the figures' tables are locked meanwhile (the summary waits);
/// on SQLite every other write waits. Memory stays small (a page of cases at a time, plus one
/// counter per unit and day). Used by `sigap dashboard rebuild`, after `sigap generate`, and by
/// `sigap serve` when the figures were never built.
Result<RebuildReport> rebuild_figures(ports::Storage& storage, const Clock& clock,
                                      const RebuildProgress& progress = {});

/// rebuild_figures when the figures were never built (migration 0016 over existing cases, or
/// cases loaded by `sigap generate`); nullopt when they were.
Result<std::optional<RebuildReport>> rebuild_if_needed(ports::Storage& storage, const Clock& clock,
                                                       const RebuildProgress& progress = {});

}  // namespace sigap::app::dashboard
