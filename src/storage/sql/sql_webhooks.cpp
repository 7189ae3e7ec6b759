#include "storage/sql/sql_webhooks.hpp"

#include <map>

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace ports = app::ports;
using Row = std::vector<std::optional<std::string>>;

namespace {

constexpr std::string_view kSubscriptionColumns =
    "SELECT id, name, url, event_types, unit_code, active, owner, created_at, updated_at FROM webhook_subscriptions ";

constexpr std::string_view kDeliveryColumns =
    "SELECT d.id, d.subscription_id, d.outbox_id, d.complaint_id, d.event_type, d.body, d.status, d.attempts, "
    "d.next_attempt_at, d.retry_from, d.created_at, d.finished_at, d.last_status, d.last_error "
    "FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id ";

std::string join_types(const std::vector<std::string>& types) {
  std::string out;
  for (const auto& type : types) {
    if (!out.empty()) out += ' ';
    out += type;
  }
  return out;
}

std::vector<std::string> split_types(const std::string& text) {
  std::vector<std::string> types;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) types.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return types;
}

ports::WebhookSubscription subscription_from(const Row& row) {
  ports::WebhookSubscription subscription;
  subscription.id = int_at(row, 0);
  subscription.name = text_at(row, 1);
  subscription.url = text_at(row, 2);
  subscription.event_types = split_types(text_at(row, 3));
  subscription.unit_code = text_at(row, 4);
  subscription.active = int_at(row, 5) != 0;
  subscription.owner = text_at(row, 6);
  subscription.created_at = parse_utc(text_at(row, 7)).value_or(TimePoint{});
  subscription.updated_at = parse_utc(text_at(row, 8)).value_or(TimePoint{});
  return subscription;
}

std::vector<ports::WebhookSubscription> subscriptions_from(const SqlRows& rows) {
  std::vector<ports::WebhookSubscription> out;
  for (const auto& row : rows.rows) out.push_back(subscription_from(row));
  return out;
}

ports::WebhookDelivery delivery_from(const Row& row) {
  ports::WebhookDelivery delivery;
  delivery.id = int_at(row, 0);
  delivery.subscription_id = int_at(row, 1);
  delivery.outbox_id = int_at(row, 2);
  delivery.complaint_id = int_at(row, 3);
  delivery.event_type = text_at(row, 4);
  delivery.body = text_at(row, 5);
  delivery.status = ports::delivery_status_from_string(text_at(row, 6)).value_or(ports::DeliveryStatus::pending);
  delivery.attempts = static_cast<int>(int_at(row, 7));
  delivery.next_attempt_at = parse_utc_millis(text_at(row, 8)).value_or(TimePoint{});
  delivery.retry_from = parse_utc_millis(text_at(row, 9)).value_or(TimePoint{});
  delivery.created_at = parse_utc(text_at(row, 10)).value_or(TimePoint{});
  delivery.finished_at = parse_utc(text_at(row, 11));
  delivery.last_status = static_cast<int>(int_at(row, 12));
  delivery.last_error = text_at(row, 13);
  return delivery;
}

}  // namespace

Result<std::vector<ports::WebhookSubscription>> SqlWebhookRepository::subscriptions(const std::string& owner) {
  auto rows = backend_.read(std::string(kSubscriptionColumns) + "WHERE ($1 = '' OR owner = $1) ORDER BY id", {owner});
  if (!rows) return rows.error();
  return subscriptions_from(*rows);
}

Result<std::optional<ports::WebhookSubscription>> SqlWebhookRepository::find_subscription(std::int64_t id) {
  auto rows = backend_.read(std::string(kSubscriptionColumns) + "WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ports::WebhookSubscription>();
  return std::optional<ports::WebhookSubscription>(subscription_from(rows->rows.front()));
}

Result<void> SqlWebhookRepository::add_attempts(std::vector<ports::WebhookDelivery>& deliveries) {
  if (deliveries.empty()) return {};
  std::map<std::int64_t, ports::WebhookDelivery*> by_id;
  std::string list;
  std::vector<SqlValue> params;
  for (auto& delivery : deliveries) {
    by_id[delivery.id] = &delivery;
    params.emplace_back(delivery.id);
    list += (list.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  auto rows = backend_.read(
      "SELECT delivery_id, attempt, at, status_code, error, duration_ms FROM webhook_attempts "
      "WHERE delivery_id IN (" +
          list + ") ORDER BY delivery_id, attempt",
      params);
  if (!rows) return rows.error();
  for (const auto& row : rows->rows) {
    auto found = by_id.find(int_at(row, 0));
    if (found == by_id.end()) continue;
    found->second->history.push_back({static_cast<int>(int_at(row, 1)),
                                      parse_utc_millis(text_at(row, 2)).value_or(TimePoint{}),
                                      static_cast<int>(int_at(row, 3)), text_at(row, 4), int_at(row, 5)});
  }
  return {};
}

Result<std::vector<ports::WebhookDelivery>> SqlWebhookRepository::deliveries(const ports::DeliveryQuery& query) {
  auto status = query.status ? std::string(ports::to_string(*query.status)) : std::string();
  auto rows = backend_.read(
      std::string(kDeliveryColumns) +
          "WHERE ($1 = 0 OR d.subscription_id = $1) AND ($2 = '' OR d.status = $2) "
          "AND ($3 = '' OR s.owner = $3) AND ($4 = 0 OR d.id < $4) ORDER BY d.id DESC LIMIT $5",
      {query.subscription_id.value_or(0), status, query.owner, query.before_id, std::int64_t{query.limit}});
  if (!rows) return rows.error();
  std::vector<ports::WebhookDelivery> out;
  for (const auto& row : rows->rows) out.push_back(delivery_from(row));
  if (auto added = add_attempts(out); !added) return added.error();
  return out;
}

Result<std::optional<ports::WebhookDelivery>> SqlWebhookRepository::find_delivery(std::int64_t id) {
  auto rows = backend_.read(std::string(kDeliveryColumns) + "WHERE d.id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ports::WebhookDelivery>();
  std::vector<ports::WebhookDelivery> one{delivery_from(rows->rows.front())};
  if (auto added = add_attempts(one); !added) return added.error();
  return std::optional<ports::WebhookDelivery>(std::move(one.front()));
}

Result<std::optional<TimePoint>> SqlWebhookRepository::next_due() {
  auto rows = backend_.read(
      "SELECT d.next_attempt_at FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id "
      "WHERE d.status = 'pending' AND s.active = 1 ORDER BY d.next_attempt_at LIMIT 1",
      {});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<TimePoint>();
  return parse_utc_millis(text_at(rows->rows.front(), 0));
}

Result<std::int64_t> SqlWebhookWriter::insert_subscription(const ports::WebhookSubscription& subscription,
                                                           const std::string& secret) {
  auto rows = connection_.query(
      "INSERT INTO webhook_subscriptions (name, url, event_types, unit_code, secret, active, owner, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {subscription.name, subscription.url, join_types(subscription.event_types), subscription.unit_code,
       sealer_.seal(secret), std::int64_t{subscription.active}, subscription.owner, format_utc(subscription.created_at),
       format_utc(subscription.updated_at)});
  if (!rows) return rows.error();
  return int_at(rows->rows.at(0), 0);
}

Result<bool> SqlWebhookWriter::update_subscription(const ports::WebhookSubscription& subscription,
                                                   const std::optional<std::string>& new_secret) {
  auto rows = connection_.query(
      "UPDATE webhook_subscriptions SET name = $2, url = $3, event_types = $4, unit_code = $5, active = $6, "
      "updated_at = $7, secret = CASE WHEN $8 = '' THEN secret ELSE $8 END WHERE id = $1 RETURNING id",
      {subscription.id, subscription.name, subscription.url, join_types(subscription.event_types),
       subscription.unit_code, std::int64_t{subscription.active}, format_utc(subscription.updated_at),
       new_secret ? sealer_.seal(*new_secret) : std::string()});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<bool> SqlWebhookWriter::delete_subscription(std::int64_t id) {
  // The attempts and deliveries go first: explicit, rather than trusting ON DELETE CASCADE alone.
  if (auto gone = connection_.query("DELETE FROM webhook_attempts WHERE delivery_id IN "
                                    "(SELECT id FROM webhook_deliveries WHERE subscription_id = $1)",
                                    {id});
      !gone) {
    return gone.error();
  }
  if (auto gone = connection_.query("DELETE FROM webhook_deliveries WHERE subscription_id = $1", {id}); !gone) {
    return gone.error();
  }
  auto rows = connection_.query("DELETE FROM webhook_subscriptions WHERE id = $1 RETURNING id", {id});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::vector<ports::WebhookSubscription>> SqlWebhookWriter::active_subscriptions() {
  auto rows = connection_.query(std::string(kSubscriptionColumns) + "WHERE active = 1 ORDER BY id", {});
  if (!rows) return rows.error();
  return subscriptions_from(*rows);
}

Result<bool> SqlWebhookWriter::add_delivery(const ports::NewDelivery& delivery) {
  auto at = format_utc_millis(delivery.at);
  auto rows = connection_.query(
      "INSERT INTO webhook_deliveries (subscription_id, outbox_id, complaint_id, event_type, body, next_attempt_at, "
      "retry_from, created_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7) "
      "ON CONFLICT (subscription_id, outbox_id) DO NOTHING RETURNING id",
      {delivery.subscription_id, delivery.outbox_id, delivery.complaint_id, delivery.event_type, delivery.body, at,
       format_utc(delivery.at)});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::optional<ports::ClaimedDelivery>> SqlWebhookWriter::claim_next(TimePoint now, TimePoint lease_until) {
  auto rows = connection_.query(
      "UPDATE webhook_deliveries SET next_attempt_at = $2 WHERE id = ("
      "SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id "
      "WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND s.active = 1 AND NOT EXISTS ("
      "SELECT 1 FROM webhook_deliveries p WHERE p.subscription_id = d.subscription_id "
      "AND p.complaint_id = d.complaint_id AND p.status = 'pending' AND p.outbox_id < d.outbox_id) "
      "ORDER BY d.next_attempt_at, d.id LIMIT 1) "
      "AND status = 'pending' AND next_attempt_at <= $1 "
      "RETURNING id, subscription_id, body, attempts, retry_from",
      {format_utc_millis(now), format_utc_millis(lease_until)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ports::ClaimedDelivery>();
  const auto& row = rows->rows.front();
  ports::ClaimedDelivery claimed;
  claimed.id = int_at(row, 0);
  claimed.subscription_id = int_at(row, 1);
  claimed.body = text_at(row, 2);
  claimed.attempts = static_cast<int>(int_at(row, 3));
  claimed.retry_from = parse_utc_millis(text_at(row, 4)).value_or(now);
  auto target =
      connection_.query("SELECT url, secret FROM webhook_subscriptions WHERE id = $1", {claimed.subscription_id});
  if (!target) return target.error();
  if (target->empty()) return Error::internal("delivery " + std::to_string(claimed.id) + " has no subscription");
  claimed.url = text_at(target->rows.front(), 0);
  auto secret = sealer_.open(text_at(target->rows.front(), 1));
  if (!secret) return secret.error();
  claimed.secret = std::move(*secret);
  return std::optional<ports::ClaimedDelivery>(std::move(claimed));
}

Result<bool> SqlWebhookWriter::record_attempt(std::int64_t delivery_id, const ports::DeliveryAttempt& attempt,
                                              ports::DeliveryStatus outcome, std::optional<TimePoint> next_attempt_at) {
  const bool finished = outcome != ports::DeliveryStatus::pending;
  auto rows = connection_.query(
      "UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, next_attempt_at = $3, finished_at = $4, "
      "last_status = $5, last_error = $6 WHERE id = $1 AND status = 'pending' RETURNING attempts",
      {delivery_id, std::string(ports::to_string(outcome)), format_utc_millis(next_attempt_at.value_or(attempt.at)),
       finished ? format_utc(attempt.at) : std::string(), std::int64_t{attempt.status_code}, attempt.error});
  if (!rows) return rows.error();
  if (rows->empty()) return false;
  auto number = int_at(rows->rows.front(), 0);
  auto inserted = connection_.query(
      "INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {delivery_id, number, format_utc_millis(attempt.at), std::int64_t{attempt.status_code}, attempt.error,
       attempt.duration_ms});
  if (!inserted) return inserted.error();
  return true;
}

Result<bool> SqlWebhookWriter::redeliver(std::int64_t delivery_id, TimePoint now) {
  auto at = format_utc_millis(now);
  auto rows = connection_.query(
      "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2, retry_from = $2, finished_at = '' "
      "WHERE id = $1 AND status = 'dead' RETURNING id",
      {delivery_id, at});
  if (!rows) return rows.error();
  return !rows->empty();
}

}  // namespace sigap::storage::sql
