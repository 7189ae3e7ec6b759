#include "domain/dashboard/response_histogram.hpp"

#include <cmath>

namespace sigap::domain::dashboard {

int first_response_bucket(std::chrono::system_clock::duration duration) {
  const double hours = std::chrono::duration<double, std::ratio<3600>>(duration).count();
  for (std::size_t i = 0; i < kResponseBucketBounds.size(); ++i) {
    if (hours < kResponseBucketBounds[i]) return static_cast<int>(i);
  }
  return static_cast<int>(kResponseBuckets - 1);
}

std::optional<double> median_hours(const ResponseHistogram& histogram) {
  std::int64_t total = 0;
  for (auto count : histogram) total += count;
  if (total <= 0) return std::nullopt;
  const std::int64_t rank = (total + 1) / 2;  // 1-based rank of the (lower) middle value
  std::int64_t below = 0;
  for (std::size_t i = 0; i < kResponseBuckets; ++i) {
    const auto count = histogram[i];
    if (count <= 0 || below + count < rank) {
      below += count > 0 ? count : 0;
      continue;
    }
    const double low = i == 0 ? 0.0 : kResponseBucketBounds[i - 1];
    if (i == kResponseBuckets - 1) return std::round(low * 10) / 10;
    const double high = kResponseBucketBounds[i];
    // The values of the bucket spread evenly over it: the k-th of n sits at (k - 0.5) / n.
    const double position = (static_cast<double>(rank - below) - 0.5) / static_cast<double>(count);
    return std::round((low + (high - low) * position) * 10) / 10;
  }
  return std::nullopt;
}

}  // namespace sigap::domain::dashboard
