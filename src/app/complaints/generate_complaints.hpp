#pragma once

#include <cstdint>
#include <functional>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"

namespace sigap::app::complaints {

struct GenerateRequest {
  std::int64_t count = 0;
  std::uint64_t seed = 1;   // the same seed on the same master data writes the same cases
  int batch_size = 10'000;  // complaints per transaction
};

/// Called after each committed batch with how many complaints are written so far.
using GenerateProgress = std::function<void(std::int64_t written)>;

/// Writes `count` realistic made-up complaints for load tests and benchmarks (`sigap generate
/// complaints`): Kota Palembang's kelurahan and categories from the master data, Bahasa
/// Indonesia descriptions from varied phrases, a spread of kinds, channels, units (mostly the
/// category's unit, else the kelurahan or kecamatan office or triage) and submit times over the
/// last 12 months, with statuses, milestones, deadlines and ratings that fit each case's age.
/// The reporter's contact is made up too and sealed like any other. No timeline events or
/// outbox rows are written: nothing is delivered anywhere for these cases. Ids follow the
/// submit times. At the end the search index is tidied (Storage::optimize_search_index).
/// Returns how many were written.
///
/// Errors: `validation` when the master data lacks kelurahan or categories (load the demo data
/// first); storage errors stop the run after the batches already committed.
Result<std::int64_t> generate_complaints(ports::Storage& storage, const Clock& clock, const GenerateRequest& request,
                                         const GenerateProgress& progress);

}  // namespace sigap::app::complaints
