#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http {

/// The separately counted budgets. Each budget has its own buckets, so the same key spends
/// from `intake` and `api` independently.
enum class RateBudget {
  intake,  // public complaint intake, per IP
  login,   // sign-in attempts, per IP and per account
  api,     // every other API call
  tracking,  // public tracking by code, per IP: bounds how fast anyone can probe for codes
};

/// A token bucket: holds at most `capacity` tokens (the burst) and gains `refill_per_second`
/// tokens per second. Both must be positive and finite.
struct BucketPolicy {
  double capacity;
  double refill_per_second;
};

/// Token-bucket rate limits keyed by budget and a caller-chosen key ("ip:1.2.3.4",
/// "account:x@y"). Time comes from the injected Clock only.
///
/// Memory is bounded: at most `max_buckets` buckets exist over all budgets. A bucket that has
/// refilled to capacity says nothing a fresh bucket would not, so full buckets are dropped as
/// they are met, and when a new key arrives at the bound the bucket that is (or will soonest
/// be) full is evicted: idle full buckets go first, and when there are none, the one whose loss
/// forgives the least.
///
/// Thread-safe: one mutex guards all buckets; each call is a hash lookup and an O(log n)
/// index update, short next to parsing the request it guards.
class RateLimiter {
 public:
  static constexpr std::size_t kDefaultMaxBuckets = 100'000;

  /// Whether a request may go ahead, and if not, how long the client should wait.
  struct Verdict {
    bool allowed;
    /// Zero when allowed; otherwise the whole seconds until the request could pass (>= 1).
    std::chrono::seconds retry_after;
  };

  /// intake: 10 burst, 1 per 6 s; login: 10 burst, 1 per 10 s; api: 120 burst, 20 per s.
  static std::map<RateBudget, BucketPolicy> defaults();

  /// Budgets missing from `policies` use defaults(). Throws std::invalid_argument for a policy
  /// with a non-positive or non-finite field, or for `max_buckets` == 0 (bad configuration
  /// stops start-up). `clock` must outlive the limiter.
  explicit RateLimiter(const Clock& clock, std::map<RateBudget, BucketPolicy> policies = defaults(),
                       std::size_t max_buckets = kDefaultMaxBuckets);

  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  /// Takes `cost` tokens (> 0) from the bucket of (`budget`, `key`) when it holds that many;
  /// otherwise takes nothing and says when enough will have refilled. A cost above the
  /// budget's capacity is never allowed (retry_after is then the time to refill completely).
  Verdict take(RateBudget budget, std::string_view key, double cost = 1.0);

  /// Buckets currently held, over all budgets; never more than max_buckets.
  [[nodiscard]] std::size_t size() const;

 private:
  // Buckets ordered by the time they will be full again: the front is what eviction drops.
  using FullOrder = std::multimap<TimePoint, const std::string*>;
  struct Bucket {
    double tokens;
    TimePoint updated;
    FullOrder::iterator full_entry;
  };

  [[nodiscard]] const BucketPolicy& policy(RateBudget budget) const;
  void refill(Bucket& bucket, const BucketPolicy& policy, TimePoint now) const;
  void reindex(Bucket& bucket, const std::string& key, const BucketPolicy& policy);
  void drop_full_buckets(TimePoint now);
  void erase(FullOrder::iterator entry);

  const Clock& clock_;
  std::map<RateBudget, BucketPolicy> policies_;
  std::size_t max_buckets_;

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;  // GUARDED_BY(mutex_); key: budget byte + caller's key
  FullOrder full_order_;                             // GUARDED_BY(mutex_); points at keys of buckets_
};

/// How LoginThrottle grows its delay.
struct ThrottlePolicy {
  /// Consecutive failures that cost nothing.
  unsigned free_failures = 5;
  /// The longest wait, and the quiet time after which a key's failures are forgotten.
  std::chrono::seconds max_delay = std::chrono::minutes(15);
};

/// The growing delay after failed sign-ins, kept per key; the caller keeps the account
/// ("account:x@y") and the client address ("ip:1.2.3.4") as separate keys and checks both.
///
/// After `free_failures` consecutive failures of a key, the next attempt must wait
/// 2^(n - free_failures) seconds after the last failure, n being the failures so far
/// (1 s, 2 s, 4 s, ...), never more than `max_delay`. A success clears the key; so does
/// `max_delay` without a failure.
///
/// Memory is bounded: at most `max_keys` keys; at the bound the key whose last failure is
/// oldest (the least left to wait) is forgotten. Thread-safe (one mutex).
class LoginThrottle {
 public:
  static constexpr std::size_t kDefaultMaxKeys = 100'000;
  using Verdict = RateLimiter::Verdict;

  /// Throws std::invalid_argument for a non-positive max_delay or `max_keys` == 0.
  /// `clock` must outlive the throttle.
  explicit LoginThrottle(const Clock& clock, ThrottlePolicy policy = {}, std::size_t max_keys = kDefaultMaxKeys);

  LoginThrottle(const LoginThrottle&) = delete;
  LoginThrottle& operator=(const LoginThrottle&) = delete;

  /// Whether an attempt for `key` may be made now; refused with the whole seconds left (>= 1).
  Verdict check(std::string_view key);
  /// Counts a failed attempt for `key` at the current time.
  void record_failure(std::string_view key);
  /// Forgets `key`'s failures.
  void record_success(std::string_view key);

  /// Keys currently held; never more than max_keys.
  [[nodiscard]] std::size_t size() const;

 private:
  // Keys ordered by their last failure: the front expires (and is evicted) first.
  using FailureOrder = std::multimap<TimePoint, const std::string*>;
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  struct Entry {
    unsigned failures;
    TimePoint last_failure;
    FailureOrder::iterator order_entry;
  };

  [[nodiscard]] std::chrono::seconds delay_after(unsigned failures) const;
  void forget_expired(TimePoint now);
  [[nodiscard]] bool expired(const Entry& entry, TimePoint now) const;
  void erase(FailureOrder::iterator entry);

  const Clock& clock_;
  ThrottlePolicy policy_;
  std::size_t max_keys_;

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry, KeyHash, std::equal_to<>> entries_;  // GUARDED_BY(mutex_)
  FailureOrder failure_order_;  // GUARDED_BY(mutex_); points at keys of entries_
};

/// A 429 application/problem+json answer with `Retry-After: N` (N >= 1) and a detail in the
/// request's language that names the wait.
Response too_many_requests(const Request& request, std::chrono::seconds retry_after);

}  // namespace sigap::http
