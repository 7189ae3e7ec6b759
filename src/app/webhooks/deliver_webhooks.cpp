#include "app/webhooks/deliver_webhooks.hpp"

#include <random>

#include <fmt/format.h>

#include "app/webhooks/webhook_signature.hpp"
#include "common/logging.hpp"

namespace sigap::app::webhooks {

double default_unit_random() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

Result<bool> WebhookDeliverer::deliver_next() {
  const auto now = clock_.now();
  std::optional<ports::ClaimedDelivery> claimed;
  auto claiming = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto next = tx.webhooks().claim_next(now, now + settings_.lease);
    if (!next) return next.error();
    claimed = std::move(*next);
    return {};
  });
  if (!claiming) return claiming.error();
  if (!claimed) return false;

  const auto unix_seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  ports::WebhookRequest request;
  request.url = claimed->url;
  request.body = claimed->body;
  request.headers = {{"Content-Type", "application/cloudevents+json; charset=utf-8"},
                     {"Sigap-Signature", signature_header(claimed->secret, unix_seconds, claimed->body)},
                     {"Sigap-Delivery", std::to_string(claimed->id)},
                     {"Sigap-Attempt", std::to_string(claimed->attempts + 1)}};
  auto response = transport_.post(request);

  ports::DeliveryAttempt attempt;
  attempt.at = now;
  attempt.status_code = response.status;
  attempt.duration_ms = response.duration.count();
  const bool delivered = response.error.empty() && response.status >= 200 && response.status < 300;
  auto outcome = ports::DeliveryStatus::delivered;
  std::optional<TimePoint> next_attempt;
  if (!delivered) {
    attempt.error = response.error.empty() ? fmt::format("HTTP {}", response.status) : response.error;
    next_attempt = domain::integration::next_attempt(settings_.retry, claimed->attempts + 1, claimed->retry_from,
                                                     clock_.now(), random_());
    outcome = next_attempt ? ports::DeliveryStatus::pending : ports::DeliveryStatus::dead;
  }
  auto recorded = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto done = tx.webhooks().record_attempt(claimed->id, attempt, outcome, next_attempt);
    if (!done) return done.error();
    return {};
  });
  if (!recorded) return recorded.error();
  if (outcome == ports::DeliveryStatus::dead) {
    logging::app().warn("webhook delivery {} (subscription {}) dead-lettered after {} attempts: {}", claimed->id,
                        claimed->subscription_id, claimed->attempts + 1, attempt.error);
  } else if (!delivered) {
    logging::app().info("webhook delivery {} (subscription {}) attempt {} failed: {}", claimed->id,
                        claimed->subscription_id, claimed->attempts + 1, attempt.error);
  }
  return true;
}

Result<std::size_t> WebhookDeliverer::run_until_idle(std::size_t max) {
  std::size_t attempts = 0;
  while (attempts < max) {
    auto done = deliver_next();
    if (!done) return done.error();
    if (!*done) break;
    ++attempts;
  }
  return attempts;
}

}  // namespace sigap::app::webhooks
