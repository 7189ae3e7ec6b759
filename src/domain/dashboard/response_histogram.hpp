#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "common/clock.hpp"

namespace sigap::domain::dashboard {

/// Times to first response are counted in a fixed histogram per unit and day, so that the
/// median over any set of units and days is read from a few hundred counters instead of the
/// cases themselves. Bucket i holds the durations in [kResponseBucketBounds[i-1],
/// kResponseBucketBounds[i]) hours (bucket 0 from 0); the last bucket is open-ended.
inline constexpr std::size_t kResponseBuckets = 24;
inline constexpr std::array<double, kResponseBuckets - 1> kResponseBucketBounds{
    0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 20, 24, 30, 36, 48, 60, 72, 96, 120, 168, 240, 336, 504};

using ResponseHistogram = std::array<std::int64_t, kResponseBuckets>;

/// The bucket of a duration (a negative one, from a clock set back, counts as 0).
int first_response_bucket(std::chrono::system_clock::duration duration);

/// The median in hours, rounded to 0.1: the middle value (the lower of the two for an even
/// count) located in its bucket and interpolated linearly by rank between the bucket's bounds
/// (the open-ended last bucket answers its lower bound). nullopt when the histogram is empty.
/// Exact to within the width of the bucket the median falls in.
std::optional<double> median_hours(const ResponseHistogram& histogram);

}  // namespace sigap::domain::dashboard
