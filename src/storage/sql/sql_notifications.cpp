#include "storage/sql/sql_notifications.hpp"

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace ports = app::ports;
namespace dn = domain::notifications;
using Row = std::vector<std::optional<std::string>>;

namespace {

std::string language_code(Language language) { return language == Language::en ? "en" : "id"; }
Language language_of(const std::string& code) { return code == "en" ? Language::en : Language::id; }

constexpr std::string_view kTemplateColumns =
    "SELECT notice, language, subject, body, updated_at, updated_by FROM notification_templates ";

Result<ports::NotificationTemplate> template_from(const Row& row) {
  ports::NotificationTemplate text;
  auto notice = dn::notice_from_string(text_at(row, 0), "notice");
  if (!notice) return Error::internal("notification_templates: unknown notice " + text_at(row, 0));
  text.notice = *notice;
  text.language = language_of(text_at(row, 1));
  text.subject = text_at(row, 2);
  text.body = text_at(row, 3);
  text.updated_at = parse_utc(text_at(row, 4));
  text.updated_by = text_at(row, 5);
  return text;
}

// id, outbox_id, complaint_id, notice, channel, language, unit_code, status, attempts,
// next_attempt_at, retry_from, created_at, finished_at, last_error [, public_code]
Result<ports::Notification> notification_from(const Row& row) {
  ports::Notification n;
  n.id = int_at(row, 0);
  n.outbox_id = int_at(row, 1);
  n.complaint_id = int_at(row, 2);
  auto notice = dn::notice_from_string(text_at(row, 3), "notice");
  auto channel = dn::notify_channel_from_string(text_at(row, 4));
  if (!notice || !channel) return Error::internal("notification " + std::to_string(n.id) + ": bad notice or channel");
  n.notice = *notice;
  n.channel = *channel;
  n.language = language_of(text_at(row, 5));
  n.unit_code = text_at(row, 6);
  n.status = ports::delivery_status_from_string(text_at(row, 7)).value_or(ports::DeliveryStatus::pending);
  n.attempts = static_cast<int>(int_at(row, 8));
  n.next_attempt_at = parse_utc_millis(text_at(row, 9)).value_or(TimePoint{});
  n.retry_from = parse_utc_millis(text_at(row, 10)).value_or(TimePoint{});
  n.created_at = parse_utc(text_at(row, 11)).value_or(TimePoint{});
  n.finished_at = parse_utc(text_at(row, 12));
  n.last_error = text_at(row, 13);
  if (row.size() > 14) n.public_code = text_at(row, 14);
  return n;
}

}  // namespace

Result<std::vector<ports::NotificationTemplate>> SqlNotificationRepository::templates() {
  auto rows = backend_.read(std::string(kTemplateColumns) + "ORDER BY notice, language", {});
  if (!rows) return rows.error();
  std::vector<ports::NotificationTemplate> out;
  for (const auto& row : rows->rows) {
    auto text = template_from(row);
    if (!text) return text.error();
    out.push_back(std::move(*text));
  }
  return out;
}

Result<std::optional<ports::NotificationTemplate>> SqlNotificationRepository::find_template(dn::Notice notice,
                                                                                            Language language) {
  auto rows = backend_.read(std::string(kTemplateColumns) + "WHERE notice = $1 AND language = $2",
                            {std::string(dn::to_string(notice)), language_code(language)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ports::NotificationTemplate>();
  auto text = template_from(rows->rows.front());
  if (!text) return text.error();
  return std::optional<ports::NotificationTemplate>(std::move(*text));
}

Result<std::vector<ports::Notification>> SqlNotificationRepository::notifications(
    const ports::NotificationQuery& query) {
  auto status = query.status ? std::string(ports::to_string(*query.status)) : std::string();
  auto rows = backend_.read(
      "SELECT n.id, n.outbox_id, n.complaint_id, n.notice, n.channel, n.language, n.unit_code, n.status, n.attempts, "
      "n.next_attempt_at, n.retry_from, n.created_at, n.finished_at, n.last_error, c.public_code "
      "FROM notifications n JOIN complaints c ON c.id = n.complaint_id "
      "WHERE ($1 = '' OR n.status = $1) AND ($2 = 0 OR n.complaint_id = $2) AND ($3 = 0 OR n.id < $3) "
      "ORDER BY n.id DESC LIMIT $4",
      {status, query.complaint_id.value_or(0), query.before_id, std::int64_t{query.limit}});
  if (!rows) return rows.error();
  std::vector<ports::Notification> out;
  for (const auto& row : rows->rows) {
    auto n = notification_from(row);
    if (!n) return n.error();
    out.push_back(std::move(*n));
  }
  return out;
}

Result<std::optional<TimePoint>> SqlNotificationRepository::next_due() {
  auto rows = backend_.read(
      "SELECT next_attempt_at FROM notifications WHERE status = 'pending' ORDER BY next_attempt_at LIMIT 1", {});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<TimePoint>();
  return parse_utc_millis(text_at(rows->rows.front(), 0));
}

Result<bool> SqlNotificationWriter::add(const ports::Notification& n) {
  auto at = format_utc_millis(n.created_at);
  auto rows = connection_.query(
      "INSERT INTO notifications (outbox_id, complaint_id, notice, channel, language, unit_code, next_attempt_at, "
      "retry_from, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) "
      "ON CONFLICT (outbox_id, complaint_id) DO NOTHING RETURNING id",
      {n.outbox_id, n.complaint_id, std::string(dn::to_string(n.notice)), std::string(dn::to_string(n.channel)),
       language_code(n.language), n.unit_code, at, format_utc(n.created_at)});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::vector<ports::MergedFollower>> SqlNotificationWriter::merged_followers(std::int64_t master_id) {
  auto rows = connection_.query(
      "SELECT id, language, notify_channel, channel, anonymous, CASE WHEN reporter_email <> '' THEN 1 ELSE 0 END, "
      "CASE WHEN reporter_phone <> '' THEN 1 ELSE 0 END, CASE WHEN reporter_chat_id <> '' THEN 1 ELSE 0 END "
      "FROM complaints WHERE merged_into_id = $1 ORDER BY id",
      {master_id});
  if (!rows) return rows.error();
  std::vector<ports::MergedFollower> out;
  for (const auto& row : rows->rows) {
    ports::MergedFollower follower;
    follower.complaint_id = int_at(row, 0);
    follower.language = language_of(text_at(row, 1));
    follower.reach.choice = text_at(row, 2);
    if (auto channel = domain::complaints::channel_from_string(text_at(row, 3), "channel")) {
      follower.reach.report_channel = *channel;
    }
    follower.reach.anonymous = int_at(row, 4) != 0;
    follower.reach.has_email = int_at(row, 5) != 0;
    follower.reach.has_phone = int_at(row, 6) != 0;
    follower.reach.has_chat = int_at(row, 7) != 0;
    out.push_back(std::move(follower));
  }
  return out;
}

Result<std::optional<ports::Notification>> SqlNotificationWriter::claim_next(TimePoint now, TimePoint lease_until) {
  auto rows = connection_.query(
      "UPDATE notifications SET next_attempt_at = $2 WHERE id = ("
      "SELECT n.id FROM notifications n WHERE n.status = 'pending' AND n.next_attempt_at <= $1 AND NOT EXISTS ("
      "SELECT 1 FROM notifications p WHERE p.complaint_id = n.complaint_id AND p.status = 'pending' "
      "AND p.outbox_id < n.outbox_id) ORDER BY n.next_attempt_at, n.id LIMIT 1) "
      "AND status = 'pending' AND next_attempt_at <= $1 "
      "RETURNING id, outbox_id, complaint_id, notice, channel, language, unit_code, status, attempts, "
      "next_attempt_at, retry_from, created_at, finished_at, last_error",
      {format_utc_millis(now), format_utc_millis(lease_until)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ports::Notification>();
  auto n = notification_from(rows->rows.front());
  if (!n) return n.error();
  return std::optional<ports::Notification>(std::move(*n));
}

Result<bool> SqlNotificationWriter::record_attempt(std::int64_t id, TimePoint at, ports::DeliveryStatus outcome,
                                                   std::optional<TimePoint> next_attempt_at, const std::string& error) {
  const bool finished = outcome != ports::DeliveryStatus::pending;
  auto rows = connection_.query(
      "UPDATE notifications SET status = $2, attempts = attempts + 1, next_attempt_at = $3, finished_at = $4, "
      "last_error = $5 WHERE id = $1 AND status = 'pending' RETURNING id",
      {id, std::string(ports::to_string(outcome)), format_utc_millis(next_attempt_at.value_or(at)),
       finished ? format_utc(at) : std::string(), error});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<void> SqlNotificationWriter::save_template(const ports::NotificationTemplate& text) {
  auto done = connection_.query(
      "INSERT INTO notification_templates (notice, language, subject, body, updated_at, updated_by) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (notice, language) DO UPDATE SET subject = excluded.subject, "
      "body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
      {std::string(dn::to_string(text.notice)), language_code(text.language), text.subject, text.body,
       text.updated_at ? format_utc(*text.updated_at) : std::string(), text.updated_by});
  if (!done) return done.error();
  return {};
}

}  // namespace sigap::storage::sql
