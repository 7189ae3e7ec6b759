#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include "http/problem_json.hpp"

namespace sigap::http {

namespace {

using namespace std::chrono_literals;

// Token counts are doubles; a bucket this close to the cost counts as holding it, so that a
// client which waits exactly the Retry-After it was given is let through despite rounding.
constexpr double kTokenSlack = 1e-6;
// Waits longer than this are reported as this (only reachable with extreme policies).
constexpr double kLongestWaitSeconds = 365.0 * 24 * 3600;
// Full buckets (and expired throttle keys) dropped per call at most, so no call stalls.
constexpr int kDropBatch = 4;

TimePoint::duration to_duration(double seconds) {
  return std::chrono::duration_cast<TimePoint::duration>(
      std::chrono::duration<double>(std::min(seconds, kLongestWaitSeconds)));
}

std::chrono::seconds whole_seconds_at_least_one(double seconds) {
  auto whole = std::ceil(std::min(seconds, kLongestWaitSeconds));
  return std::chrono::seconds(std::max<std::int64_t>(1, static_cast<std::int64_t>(whole)));
}

std::string bucket_id(RateBudget budget, std::string_view key) {
  std::string id;
  id.reserve(key.size() + 1);
  id.push_back(static_cast<char>('0' + static_cast<int>(budget)));
  id.append(key);
  return id;
}

bool valid(const BucketPolicy& policy) {
  return std::isfinite(policy.capacity) && std::isfinite(policy.refill_per_second) && policy.capacity > 0 &&
         policy.refill_per_second > 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// RateLimiter

std::map<RateBudget, BucketPolicy> RateLimiter::defaults() {
  return {
      {RateBudget::intake, {10, 1.0 / 6}},
      {RateBudget::login, {10, 1.0 / 10}},
      {RateBudget::api, {120, 20}},
      {RateBudget::tracking, {60, 1}},
  };
}

RateLimiter::RateLimiter(const Clock& clock, std::map<RateBudget, BucketPolicy> policies, std::size_t max_buckets)
    : clock_(clock), policies_(std::move(policies)), max_buckets_(max_buckets) {
  for (const auto& [budget, policy] : defaults()) policies_.try_emplace(budget, policy);
  for (const auto& [budget, policy] : policies_) {
    if (!valid(policy)) {
      throw std::invalid_argument("rate limit policy " + std::to_string(static_cast<int>(budget)) +
                                  ": capacity and refill_per_second must be positive and finite");
    }
  }
  if (max_buckets_ == 0) throw std::invalid_argument("rate limiter: max_buckets must be at least 1");
}

const BucketPolicy& RateLimiter::policy(RateBudget budget) const {
  auto found = policies_.find(budget);
  assert(found != policies_.end());  // the constructor fills every budget
  return found->second;
}

RateLimiter::Verdict RateLimiter::take(RateBudget budget, std::string_view key, double cost) {
  assert(cost > 0);
  const auto& policy = this->policy(budget);
  auto id = bucket_id(budget, key);
  auto now = clock_.now();

  std::lock_guard lock(mutex_);
  drop_full_buckets(now);
  auto found = buckets_.find(id);
  if (found == buckets_.end()) {
    if (buckets_.size() >= max_buckets_) erase(full_order_.begin());
    found = buckets_.emplace(std::move(id), Bucket{policy.capacity, now, full_order_.end()}).first;
  } else {
    refill(found->second, policy, now);
  }

  auto& bucket = found->second;
  Verdict verdict{true, 0s};
  if (bucket.tokens + kTokenSlack >= cost) {
    bucket.tokens = std::max(0.0, bucket.tokens - cost);
  } else {
    auto missing = std::min(cost, policy.capacity) - bucket.tokens;
    verdict = {false, whole_seconds_at_least_one((missing - kTokenSlack) / policy.refill_per_second)};
  }
  reindex(bucket, found->first, policy);
  return verdict;
}

std::size_t RateLimiter::size() const {
  std::lock_guard lock(mutex_);
  return buckets_.size();
}

void RateLimiter::refill(Bucket& bucket, const BucketPolicy& policy, TimePoint now) const {
  // A clock that stepped back refills nothing until it passes `updated` again.
  if (now <= bucket.updated) return;
  auto elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  bucket.tokens = std::min(policy.capacity, bucket.tokens + elapsed * policy.refill_per_second);
  bucket.updated = now;
}

void RateLimiter::reindex(Bucket& bucket, const std::string& key, const BucketPolicy& policy) {
  if (bucket.full_entry != full_order_.end()) full_order_.erase(bucket.full_entry);
  auto full_at = bucket.updated + to_duration((policy.capacity - bucket.tokens) / policy.refill_per_second);
  bucket.full_entry = full_order_.emplace(full_at, &key);
}

void RateLimiter::drop_full_buckets(TimePoint now) {
  for (int dropped = 0; dropped < kDropBatch && !full_order_.empty(); ++dropped) {
    auto first = full_order_.begin();
    if (first->first > now) return;
    erase(first);
  }
}

void RateLimiter::erase(FullOrder::iterator entry) {
  auto found = buckets_.find(*entry->second);
  assert(found != buckets_.end());
  full_order_.erase(entry);
  buckets_.erase(found);
}

// ---------------------------------------------------------------------------------------------
// LoginThrottle

LoginThrottle::LoginThrottle(const Clock& clock, ThrottlePolicy policy, std::size_t max_keys)
    : clock_(clock), policy_(policy), max_keys_(max_keys) {
  if (policy_.max_delay <= 0s) throw std::invalid_argument("login throttle: max_delay must be positive");
  if (max_keys_ == 0) throw std::invalid_argument("login throttle: max_keys must be at least 1");
}

LoginThrottle::Verdict LoginThrottle::check(std::string_view key) {
  auto now = clock_.now();
  std::lock_guard lock(mutex_);
  forget_expired(now);
  auto found = entries_.find(key);
  if (found == entries_.end()) return {true, 0s};
  const auto& entry = found->second;
  if (expired(entry, now)) {
    erase(entry.order_entry);
    return {true, 0s};
  }
  if (entry.failures < policy_.free_failures) return {true, 0s};

  auto delay = delay_after(entry.failures);
  // A clock that stepped back never makes the wait longer than the delay itself.
  auto waited = std::max(TimePoint::duration::zero(), now - entry.last_failure);
  if (waited >= delay) return {true, 0s};
  return {false, std::max(1s, std::chrono::ceil<std::chrono::seconds>(delay - waited))};
}

void LoginThrottle::record_failure(std::string_view key) {
  auto now = clock_.now();
  std::lock_guard lock(mutex_);
  forget_expired(now);
  auto found = entries_.find(key);
  if (found != entries_.end() && expired(found->second, now)) {
    erase(found->second.order_entry);
    found = entries_.end();
  }
  if (found == entries_.end()) {
    if (entries_.size() >= max_keys_) erase(failure_order_.begin());
    found = entries_.emplace(std::string(key), Entry{0, now, failure_order_.end()}).first;
  }

  auto& entry = found->second;
  if (entry.failures < std::numeric_limits<unsigned>::max()) ++entry.failures;
  entry.last_failure = now;
  if (entry.order_entry != failure_order_.end()) failure_order_.erase(entry.order_entry);
  entry.order_entry = failure_order_.emplace(now, &found->first);
}

void LoginThrottle::record_success(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  if (found != entries_.end()) erase(found->second.order_entry);
}

std::size_t LoginThrottle::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::chrono::seconds LoginThrottle::delay_after(unsigned failures) const {
  assert(failures >= policy_.free_failures);
  auto doublings = failures - policy_.free_failures;
  // 2^30 s is decades: past that every cap applies anyway, and the shift stays defined.
  if (doublings >= 30) return policy_.max_delay;
  return std::min(policy_.max_delay, std::chrono::seconds(std::int64_t{1} << doublings));
}

bool LoginThrottle::expired(const Entry& entry, TimePoint now) const {
  return now - entry.last_failure >= policy_.max_delay;
}

void LoginThrottle::forget_expired(TimePoint now) {
  for (int dropped = 0; dropped < kDropBatch && !failure_order_.empty(); ++dropped) {
    auto first = failure_order_.begin();
    if (now - first->first < policy_.max_delay) return;
    erase(first);
  }
}

void LoginThrottle::erase(FailureOrder::iterator entry) {
  auto found = entries_.find(*entry->second);
  assert(found != entries_.end());
  failure_order_.erase(entry);
  entries_.erase(found);
}

// ---------------------------------------------------------------------------------------------

Response too_many_requests(const Request& request, std::chrono::seconds retry_after) {
  auto seconds = std::to_string(std::max(retry_after, 1s).count());
  Text detail{
      "Terlalu banyak permintaan. Coba lagi dalam " + seconds + " detik.",
      "Too many requests. Try again in " + seconds + (seconds == "1" ? " second." : " seconds."),
  };
  auto response = problem_response(429, detail, request);
  response.set_header("Retry-After", seconds);
  return response;
}

}  // namespace sigap::http
