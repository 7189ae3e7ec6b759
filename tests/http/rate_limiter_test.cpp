// Token buckets, the growing sign-in delay and the 429 answer, on a clock the tests move by hand.
#include "http/rate_limiter.hpp"

#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "support/fake_clock.hpp"

namespace sigap::http {
namespace {

using namespace std::chrono_literals;
using sigap::testing::FakeClock;

// Takes from (budget, key) until refused; returns how many were allowed (at most `limit`).
int drain(RateLimiter& limiter, RateBudget budget, std::string_view key, int limit = 1000) {
  for (int taken = 0; taken < limit; ++taken) {
    if (!limiter.take(budget, key).allowed) return taken;
  }
  return limit;
}

// ---------------------------------------------------------------------------------------------
// RateLimiter

TEST(RateLimiterTest, DefaultPolicies) {
  auto defaults = RateLimiter::defaults();
  ASSERT_EQ(defaults.size(), 4U);
  EXPECT_EQ(defaults.at(RateBudget::tracking).capacity, 60);
  EXPECT_DOUBLE_EQ(defaults.at(RateBudget::tracking).refill_per_second, 1);
  EXPECT_EQ(defaults.at(RateBudget::intake).capacity, 10);
  EXPECT_DOUBLE_EQ(defaults.at(RateBudget::intake).refill_per_second, 1.0 / 6);
  EXPECT_EQ(defaults.at(RateBudget::login).capacity, 10);
  EXPECT_DOUBLE_EQ(defaults.at(RateBudget::login).refill_per_second, 1.0 / 10);
  EXPECT_EQ(defaults.at(RateBudget::api).capacity, 120);
  EXPECT_DOUBLE_EQ(defaults.at(RateBudget::api).refill_per_second, 20);
}

TEST(RateLimiterTest, BurstThenRefusalWithRetryAfter) {
  struct Case {
    RateBudget budget;
    int burst;
    std::chrono::seconds retry_after;
  };
  for (const auto& row : std::vector<Case>{
           {RateBudget::intake, 10, 6s},
           {RateBudget::login, 10, 10s},
           {RateBudget::api, 120, 1s},
       }) {
    FakeClock clock;
    RateLimiter limiter(clock);
    for (int i = 0; i < row.burst; ++i) {
      auto verdict = limiter.take(row.budget, "ip:10.0.0.1");
      ASSERT_TRUE(verdict.allowed) << "request " << i;
      EXPECT_EQ(verdict.retry_after, 0s);
    }
    auto refused = limiter.take(row.budget, "ip:10.0.0.1");
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.retry_after, row.retry_after) << "budget " << static_cast<int>(row.budget);
  }
}

TEST(RateLimiterTest, WaitingExactlyRetryAfterIsEnough) {
  FakeClock clock;
  RateLimiter limiter(clock);
  ASSERT_EQ(drain(limiter, RateBudget::intake, "ip:10.0.0.1"), 10);

  clock.advance(5s);
  auto still_refused = limiter.take(RateBudget::intake, "ip:10.0.0.1");
  EXPECT_FALSE(still_refused.allowed);
  EXPECT_EQ(still_refused.retry_after, 1s);

  clock.advance(1s);
  EXPECT_TRUE(limiter.take(RateBudget::intake, "ip:10.0.0.1").allowed);
  auto again = limiter.take(RateBudget::intake, "ip:10.0.0.1");
  EXPECT_FALSE(again.allowed);
  EXPECT_EQ(again.retry_after, 6s);
}

TEST(RateLimiterTest, RetryAfterRoundsPartialSecondsUp) {
  FakeClock clock;
  RateLimiter limiter(clock, {{RateBudget::api, {1, 0.3}}});
  ASSERT_TRUE(limiter.take(RateBudget::api, "ip:10.0.0.1").allowed);
  EXPECT_EQ(limiter.take(RateBudget::api, "ip:10.0.0.1").retry_after, 4s);  // 3.33 s
  clock.advance(3s);
  EXPECT_EQ(limiter.take(RateBudget::api, "ip:10.0.0.1").retry_after, 1s);  // 0.33 s
  clock.advance(500ms);
  EXPECT_TRUE(limiter.take(RateBudget::api, "ip:10.0.0.1").allowed);
}

TEST(RateLimiterTest, RefillsOverTimeUpToCapacity) {
  FakeClock clock;
  RateLimiter limiter(clock);
  ASSERT_EQ(drain(limiter, RateBudget::intake, "ip:10.0.0.1"), 10);

  clock.advance(30s);  // five tokens at one per 6 s
  EXPECT_EQ(drain(limiter, RateBudget::intake, "ip:10.0.0.1"), 5);

  clock.advance(4s);  // two thirds of a token
  auto refused = limiter.take(RateBudget::intake, "ip:10.0.0.1");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, 2s);

  clock.advance(24h);  // never more than the burst
  EXPECT_EQ(drain(limiter, RateBudget::intake, "ip:10.0.0.1"), 10);
}

TEST(RateLimiterTest, KeysAreIndependent) {
  FakeClock clock;
  RateLimiter limiter(clock);
  ASSERT_EQ(drain(limiter, RateBudget::login, "ip:10.0.0.1"), 10);
  EXPECT_EQ(drain(limiter, RateBudget::login, "ip:10.0.0.2"), 10);
  EXPECT_EQ(drain(limiter, RateBudget::login, "account:siti@example.id"), 10);
  EXPECT_FALSE(limiter.take(RateBudget::login, "ip:10.0.0.1").allowed);
}

TEST(RateLimiterTest, BudgetsAreIndependent) {
  FakeClock clock;
  RateLimiter limiter(clock);
  ASSERT_EQ(drain(limiter, RateBudget::intake, "ip:10.0.0.1"), 10);
  EXPECT_EQ(drain(limiter, RateBudget::login, "ip:10.0.0.1"), 10);
  EXPECT_EQ(drain(limiter, RateBudget::api, "ip:10.0.0.1"), 120);
  EXPECT_FALSE(limiter.take(RateBudget::intake, "ip:10.0.0.1").allowed);
  EXPECT_EQ(limiter.size(), 3U);
}

TEST(RateLimiterTest, CostTakesSeveralTokens) {
  FakeClock clock;
  RateLimiter limiter(clock);
  EXPECT_TRUE(limiter.take(RateBudget::intake, "ip:10.0.0.1", 4).allowed);
  EXPECT_TRUE(limiter.take(RateBudget::intake, "ip:10.0.0.1", 4).allowed);
  auto refused = limiter.take(RateBudget::intake, "ip:10.0.0.1", 4);  // 2 left, 2 missing
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, 12s);
  EXPECT_TRUE(limiter.take(RateBudget::intake, "ip:10.0.0.1", 2).allowed);  // a refusal takes nothing

  auto too_big = limiter.take(RateBudget::intake, "ip:10.0.0.2", 11);
  EXPECT_FALSE(too_big.allowed);
  EXPECT_EQ(too_big.retry_after, 1s);  // the bucket is full; nothing will ever make 11 fit
}

TEST(RateLimiterTest, GivenPoliciesReplaceDefaultsOnlyForTheirBudget) {
  FakeClock clock;
  RateLimiter limiter(clock, {{RateBudget::intake, {2, 1}}});
  EXPECT_EQ(drain(limiter, RateBudget::intake, "ip:10.0.0.1"), 2);
  EXPECT_EQ(limiter.take(RateBudget::intake, "ip:10.0.0.1").retry_after, 1s);
  EXPECT_EQ(drain(limiter, RateBudget::login, "ip:10.0.0.1"), 10);
}

TEST(RateLimiterTest, RejectsBadConfiguration) {
  FakeClock clock;
  auto nan = std::numeric_limits<double>::quiet_NaN();
  auto infinity = std::numeric_limits<double>::infinity();
  for (auto policy :
       std::vector<BucketPolicy>{{0, 1}, {-1, 1}, {10, 0}, {10, -1}, {nan, 1}, {10, nan}, {infinity, 1}}) {
    EXPECT_THROW(RateLimiter(clock, {{RateBudget::api, policy}}), std::invalid_argument)
        << policy.capacity << " / " << policy.refill_per_second;
  }
  EXPECT_THROW(RateLimiter(clock, RateLimiter::defaults(), 0), std::invalid_argument);
}

TEST(RateLimiterTest, MemoryStaysBoundedWhenKeysExceedTheCap) {
  FakeClock clock;
  constexpr std::size_t kCap = 50;
  RateLimiter limiter(clock, RateLimiter::defaults(), kCap);
  for (int i = 0; i < 1000; ++i) {
    // Each new key drains its bucket, so no bucket is ever full and every insertion evicts.
    auto key = "ip:10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256);
    ASSERT_TRUE(limiter.take(RateBudget::intake, key, 10).allowed) << key;
    ASSERT_LE(limiter.size(), kCap);
    clock.advance(10ms);
  }
  EXPECT_EQ(limiter.size(), kCap);
  EXPECT_FALSE(limiter.take(RateBudget::intake, "ip:10.0.3.231").allowed);  // the last key kept its state
}

TEST(RateLimiterTest, FullBucketsAreDroppedAsTheyAreMet) {
  FakeClock clock;
  RateLimiter limiter(clock);
  for (auto key : {"ip:10.0.0.1", "ip:10.0.0.2", "ip:10.0.0.3"})
    ASSERT_TRUE(limiter.take(RateBudget::api, key).allowed);
  ASSERT_EQ(limiter.size(), 3U);
  clock.advance(1s);  // each has refilled its one token
  ASSERT_TRUE(limiter.take(RateBudget::intake, "ip:10.0.0.4").allowed);
  EXPECT_EQ(limiter.size(), 1U);
}

TEST(RateLimiterTest, AtTheCapAnIdleFullBucketGoesBeforeADrainedOne) {
  FakeClock clock;
  // intake refills slowly (full 100 s after draining), api quickly (full 0.1 s after).
  RateLimiter limiter(clock, {{RateBudget::intake, {1, 0.01}}, {RateBudget::api, {1, 10}}}, 3);
  ASSERT_TRUE(limiter.take(RateBudget::api, "ip:10.0.0.1").allowed);
  ASSERT_TRUE(limiter.take(RateBudget::intake, "ip:10.0.0.2").allowed);
  ASSERT_TRUE(limiter.take(RateBudget::intake, "ip:10.0.0.3").allowed);
  clock.advance(1s);

  ASSERT_TRUE(limiter.take(RateBudget::intake, "ip:10.0.0.4").allowed);
  EXPECT_EQ(limiter.size(), 3U);
  // The drained buckets kept their state; checking them creates nothing.
  EXPECT_FALSE(limiter.take(RateBudget::intake, "ip:10.0.0.2").allowed);
  EXPECT_FALSE(limiter.take(RateBudget::intake, "ip:10.0.0.3").allowed);
  EXPECT_EQ(limiter.size(), 3U);
}

TEST(RateLimiterTest, AtTheCapWithNothingFullTheBucketNearestFullGoes) {
  FakeClock clock;
  RateLimiter limiter(clock, RateLimiter::defaults(), 2);
  ASSERT_EQ(drain(limiter, RateBudget::intake, "ip:10.0.0.1"), 10);  // full again at +60 s
  clock.advance(1s);
  ASSERT_EQ(drain(limiter, RateBudget::intake, "ip:10.0.0.2"), 10);  // full again at +61 s
  clock.advance(1s);

  ASSERT_TRUE(limiter.take(RateBudget::intake, "ip:10.0.0.3").allowed);  // evicts 10.0.0.1
  EXPECT_EQ(limiter.size(), 2U);
  EXPECT_FALSE(limiter.take(RateBudget::intake, "ip:10.0.0.2").allowed);  // kept
  EXPECT_EQ(limiter.size(), 2U);
}

TEST(RateLimiterTest, ClockSteppingBackRefundsNothing) {
  FakeClock clock;
  RateLimiter limiter(clock);
  ASSERT_EQ(drain(limiter, RateBudget::intake, "ip:10.0.0.1"), 10);
  clock.advance(-1h);
  auto refused = limiter.take(RateBudget::intake, "ip:10.0.0.1");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, 6s);
}

TEST(RateLimiterTest, ConcurrentTakesNeverExceedTheBurst) {
  FakeClock clock;
  RateLimiter limiter(clock);
  constexpr int kThreads = 8;
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (limiter.take(RateBudget::api, "ip:10.0.0.1").allowed) ++allowed;
        if (limiter.take(RateBudget::intake, "ip:10.0.0.1").allowed) ++allowed;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(allowed.load(), 120 + 10);
}

TEST(RateLimiterTest, ConcurrentManyKeysStayWithinTheCap) {
  FakeClock clock;
  constexpr std::size_t kCap = 64;
  RateLimiter limiter(clock, RateLimiter::defaults(), kCap);
  std::atomic<bool> over_cap{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        (void)limiter.take(RateBudget::api, "ip:" + std::to_string(t) + "." + std::to_string(i % 300));
        if (limiter.size() > kCap) over_cap = true;
        if (t == 0 && i % 100 == 0) clock.advance(50ms);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_FALSE(over_cap.load());
  EXPECT_LE(limiter.size(), kCap);
}

// ---------------------------------------------------------------------------------------------
// LoginThrottle

TEST(LoginThrottleTest, FiveFreeFailuresThenDoublingWaits) {
  FakeClock clock;
  LoginThrottle throttle(clock);
  for (int i = 0; i < 4; ++i) {
    throttle.record_failure("account:siti@example.id");
    ASSERT_TRUE(throttle.check("account:siti@example.id").allowed) << "after failure " << i + 1;
  }
  // Failure n (n >= 5) makes the next attempt wait 2^(n-5) s after it: 1, 2, 4, ... 512.
  for (int failures = 5; failures <= 14; ++failures) {
    throttle.record_failure("account:siti@example.id");
    auto wait = std::chrono::seconds(1 << (failures - 5));
    auto verdict = throttle.check("account:siti@example.id");
    ASSERT_FALSE(verdict.allowed) << "after failure " << failures;
    EXPECT_EQ(verdict.retry_after, wait) << "after failure " << failures;
    if (wait > 1s) {
      clock.advance(wait - 1s);
      EXPECT_EQ(throttle.check("account:siti@example.id").retry_after, 1s) << "after failure " << failures;
      clock.advance(1s);
    } else {
      clock.advance(wait);
    }
    auto after_wait = throttle.check("account:siti@example.id");
    EXPECT_TRUE(after_wait.allowed) << "after failure " << failures;
    EXPECT_EQ(after_wait.retry_after, 0s);
  }
}

TEST(LoginThrottleTest, WaitIsCappedAtFifteenMinutes) {
  FakeClock clock;
  LoginThrottle throttle(clock);
  for (int i = 0; i < 15; ++i) throttle.record_failure("ip:10.0.0.1");  // 2^10 s > 15 min
  EXPECT_EQ(throttle.check("ip:10.0.0.1").retry_after, 900s);
  for (int i = 0; i < 100; ++i) throttle.record_failure("ip:10.0.0.1");
  EXPECT_EQ(throttle.check("ip:10.0.0.1").retry_after, 900s);
  clock.advance(899s);
  EXPECT_EQ(throttle.check("ip:10.0.0.1").retry_after, 1s);
  clock.advance(1s);
  EXPECT_TRUE(throttle.check("ip:10.0.0.1").allowed);
}

TEST(LoginThrottleTest, QuietTimeOfTheCapForgetsTheKey) {
  FakeClock clock;
  LoginThrottle throttle(clock);
  for (int i = 0; i < 6; ++i) throttle.record_failure("ip:10.0.0.1");
  clock.advance(15min);
  EXPECT_TRUE(throttle.check("ip:10.0.0.1").allowed);
  EXPECT_EQ(throttle.size(), 0U);
  for (int i = 0; i < 4; ++i) throttle.record_failure("ip:10.0.0.1");
  EXPECT_TRUE(throttle.check("ip:10.0.0.1").allowed);  // counting starts over
  throttle.record_failure("ip:10.0.0.1");
  EXPECT_EQ(throttle.check("ip:10.0.0.1").retry_after, 1s);
}

TEST(LoginThrottleTest, SuccessClears) {
  FakeClock clock;
  LoginThrottle throttle(clock);
  for (int i = 0; i < 8; ++i) throttle.record_failure("account:siti@example.id");
  ASSERT_FALSE(throttle.check("account:siti@example.id").allowed);
  throttle.record_success("account:siti@example.id");
  EXPECT_TRUE(throttle.check("account:siti@example.id").allowed);
  EXPECT_EQ(throttle.size(), 0U);
  for (int i = 0; i < 4; ++i) throttle.record_failure("account:siti@example.id");
  EXPECT_TRUE(throttle.check("account:siti@example.id").allowed);
  throttle.record_success("account:never-failed@example.id");  // a no-op
  EXPECT_EQ(throttle.size(), 1U);
}

TEST(LoginThrottleTest, KeysAreIndependent) {
  FakeClock clock;
  LoginThrottle throttle(clock);
  for (int i = 0; i < 7; ++i) throttle.record_failure("ip:10.0.0.1");
  EXPECT_EQ(throttle.check("ip:10.0.0.1").retry_after, 4s);
  EXPECT_TRUE(throttle.check("ip:10.0.0.2").allowed);
  EXPECT_TRUE(throttle.check("account:siti@example.id").allowed);
  throttle.record_failure("ip:10.0.0.2");
  EXPECT_TRUE(throttle.check("ip:10.0.0.2").allowed);
  EXPECT_EQ(throttle.check("ip:10.0.0.1").retry_after, 4s);
}

TEST(LoginThrottleTest, CustomPolicy) {
  FakeClock clock;
  LoginThrottle throttle(clock, ThrottlePolicy{.free_failures = 2, .max_delay = 3s});
  throttle.record_failure("ip:10.0.0.1");
  EXPECT_TRUE(throttle.check("ip:10.0.0.1").allowed);
  throttle.record_failure("ip:10.0.0.1");
  EXPECT_EQ(throttle.check("ip:10.0.0.1").retry_after, 1s);
  throttle.record_failure("ip:10.0.0.1");
  EXPECT_EQ(throttle.check("ip:10.0.0.1").retry_after, 2s);
  throttle.record_failure("ip:10.0.0.1");
  EXPECT_EQ(throttle.check("ip:10.0.0.1").retry_after, 3s);  // 4 s, capped
}

TEST(LoginThrottleTest, RejectsBadConfiguration) {
  FakeClock clock;
  EXPECT_THROW(LoginThrottle(clock, ThrottlePolicy{.max_delay = 0s}), std::invalid_argument);
  EXPECT_THROW(LoginThrottle(clock, ThrottlePolicy{}, 0), std::invalid_argument);
}

TEST(LoginThrottleTest, MemoryStaysBoundedAndTheOldestKeyGoesFirst) {
  FakeClock clock;
  constexpr std::size_t kCap = 10;
  LoginThrottle throttle(clock, ThrottlePolicy{}, kCap);
  for (int i = 0; i < 100; ++i) {
    for (int n = 0; n < 6; ++n) throttle.record_failure("ip:10.0.0." + std::to_string(i));
    ASSERT_LE(throttle.size(), kCap);
    clock.advance(1ms);
  }
  EXPECT_EQ(throttle.size(), kCap);
  EXPECT_FALSE(throttle.check("ip:10.0.0.99").allowed);
  EXPECT_FALSE(throttle.check("ip:10.0.0.90").allowed);
  EXPECT_TRUE(throttle.check("ip:10.0.0.89").allowed);  // evicted
}

TEST(LoginThrottleTest, ConcurrentFailuresAreAllCounted) {
  FakeClock clock;
  LoginThrottle throttle(clock);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2; ++i) {
        throttle.record_failure("account:siti@example.id");
        (void)throttle.check("account:siti@example.id");
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(throttle.check("account:siti@example.id").retry_after, 8s);  // 8 failures: 2^3 s
}

// ---------------------------------------------------------------------------------------------
// too_many_requests

Request request_for(Language language) {
  Request request;
  request.method = "POST";
  request.target = "/api/v1/complaints";
  request.path = "/api/v1/complaints";
  request.request_id = "req-1";
  request.language = language;
  return request;
}

TEST(TooManyRequestsTest, ProblemWithRetryAfterInIndonesian) {
  auto response = too_many_requests(request_for(Language::id), 6s);
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.header("Retry-After"), "6");
  EXPECT_EQ(response.header("Content-Type"), "application/problem+json; charset=utf-8");
  auto body = boost::json::parse(response.body).as_object();
  EXPECT_EQ(body.at("status").as_int64(), 429);
  EXPECT_EQ(body.at("type").as_string(), "/problems/too-many-requests");
  EXPECT_EQ(body.at("title").as_string(), "Terlalu banyak permintaan");
  EXPECT_EQ(body.at("detail").as_string(), "Terlalu banyak permintaan. Coba lagi dalam 6 detik.");
  EXPECT_EQ(body.at("instance").as_string(), "/api/v1/complaints");
}

TEST(TooManyRequestsTest, EnglishDetail) {
  auto body = boost::json::parse(too_many_requests(request_for(Language::en), 900s).body).as_object();
  EXPECT_EQ(body.at("detail").as_string(), "Too many requests. Try again in 900 seconds.");
  auto one = boost::json::parse(too_many_requests(request_for(Language::en), 1s).body).as_object();
  EXPECT_EQ(one.at("detail").as_string(), "Too many requests. Try again in 1 second.");
}

TEST(TooManyRequestsTest, RetryAfterIsAtLeastOneSecond) {
  auto response = too_many_requests(request_for(Language::id), 0s);
  EXPECT_EQ(response.header("Retry-After"), "1");
  auto body = boost::json::parse(response.body).as_object();
  EXPECT_EQ(body.at("detail").as_string(), "Terlalu banyak permintaan. Coba lagi dalam 1 detik.");
}

}  // namespace
}  // namespace sigap::http
