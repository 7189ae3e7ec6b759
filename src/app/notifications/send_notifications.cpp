#include "app/notifications/send_notifications.hpp"

#include <array>

#include <fmt/format.h>

#include "common/logging.hpp"
#include "domain/notifications/message_template.hpp"
#include "domain/notifications/notice.hpp"
#include "domain/sla/time_zone.hpp"

namespace sigap::app::notifications {

namespace dn = domain::notifications;
namespace dc = domain::complaints;
namespace ds = domain::sla;

namespace {

constexpr std::array<std::string_view, 12> kMonthsId{"Januari",   "Februari", "Maret",    "April",
                                                     "Mei",       "Juni",     "Juli",     "Agustus",
                                                     "September", "Oktober",  "November", "Desember"};
constexpr std::array<std::string_view, 12> kMonthsEn{"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};

// The status a notice tells of; a forward keeps the case's status.
dc::Status status_of(dn::Notice notice, dc::Status now) {
  switch (notice) {
    case dn::Notice::received:
      return dc::Status::submitted;
    case dn::Notice::verified:
      return dc::Status::verified;
    case dn::Notice::need_info:
      return dc::Status::need_info;
    case dn::Notice::resolved:
      return dc::Status::resolved;
    case dn::Notice::closed:
      return dc::Status::closed;
    case dn::Notice::rejected:
      return dc::Status::rejected;
    case dn::Notice::forwarded:
      break;
  }
  return now;
}

}  // namespace

std::string format_deadline(TimePoint at, std::string_view unit_time_zone, Language language) {
  auto zone = ds::time_zone_from_name(unit_time_zone);
  auto tz = zone ? *zone : ds::UnitTimeZone::wib;
  auto local = ds::to_local(at, tz);
  const unsigned month = static_cast<unsigned>(local.date.month());
  const int day = static_cast<int>(static_cast<unsigned>(local.date.day()));
  const int year = static_cast<int>(local.date.year());
  const int hour = local.minute_of_day / 60, minute = local.minute_of_day % 60;
  if (language == Language::en) {
    return fmt::format("{} {} {}, {:02d}:{:02d} {}", day, kMonthsEn.at(month - 1), year, hour, minute,
                       ds::abbreviation(tz));
  }
  return fmt::format("{} {} {} pukul {:02d}.{:02d} {}", day, kMonthsId.at(month - 1), year, hour, minute,
                     ds::abbreviation(tz));
}

NotificationDeliverer::NotificationDeliverer(ports::Storage& storage, const Clock& clock,
                                             std::vector<ports::NotificationSender*> senders,
                                             NotificationSettings settings, UnitRandom random)
    : storage_(storage),
      clock_(clock),
      senders_(std::move(senders)),
      settings_(std::move(settings)),
      random_(std::move(random)) {
  while (settings_.public_url.ends_with('/')) settings_.public_url.pop_back();
}

Result<ports::OutgoingMessage> NotificationDeliverer::compose(const ports::Notification& notification) {
  auto undeliverable = [](std::string reason) {
    return Error(ErrorCode::conflict, Text{"Pesan tidak dapat dibuat.", "No message can be made."})
        .with_log_detail(std::move(reason));
  };
  auto complaint = storage_.complaints().find_by_id(notification.complaint_id);
  if (!complaint) return complaint.error();
  if (!*complaint) return undeliverable("the case is gone");
  const auto& the_case = **complaint;
  ports::OutgoingMessage message;
  switch (notification.channel) {
    case dn::NotifyChannel::email:
      message.to = the_case.reporter.email;
      break;
    case dn::NotifyChannel::telegram:
      message.to = the_case.reporter.chat_id;
      break;
    default:
      message.to = the_case.reporter.phone;
      break;
  }
  if (message.to.empty()) return undeliverable("no contact for this channel");
  message.language = notification.language;
  message.reference = "notification-" + std::to_string(notification.id);

  auto text = storage_.notifications().find_template(notification.notice, notification.language);
  if (!text) return text.error();
  if (!*text && notification.language != Language::id) {
    text = storage_.notifications().find_template(notification.notice, Language::id);
    if (!text) return text.error();
  }
  if (!*text) return undeliverable(fmt::format("no template for {}", dn::to_string(notification.notice)));

  std::string unit_name = notification.unit_code;
  std::string time_zone = "Asia/Jakarta";
  if (auto unit = storage_.units().find_by_code(notification.unit_code); unit && *unit) {
    unit_name = (*unit)->name;
    time_zone = (*unit)->time_zone;
  }
  std::string deadline = the_case.deadlines.resolve
                             ? format_deadline(*the_case.deadlines.resolve, time_zone, notification.language)
                             : std::string(notification.language == Language::en ? "not set" : "belum ditetapkan");
  const std::map<std::string, std::string, std::less<>> values{
      {"code", the_case.public_code},
      {"status", dn::status_label(status_of(notification.notice, the_case.status)).in(notification.language)},
      {"unit", unit_name},
      {"deadline", deadline},
      {"tracking_url", settings_.public_url + "/lacak/" + the_case.public_code}};
  message.subject = dn::render_template((*text)->subject, values);
  message.body = dn::render_template((*text)->body, values);
  return message;
}

Result<bool> NotificationDeliverer::send_next() {
  const auto now = clock_.now();
  std::optional<ports::Notification> claimed;
  auto claiming = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto next = tx.notifications().claim_next(now, now + settings_.lease);
    if (!next) return next.error();
    claimed = std::move(*next);
    return {};
  });
  if (!claiming) return claiming.error();
  if (!claimed) return false;

  auto outcome = ports::DeliveryStatus::delivered;
  std::optional<TimePoint> next_attempt;
  std::string error;
  auto message = compose(*claimed);
  ports::NotificationSender* sender = nullptr;
  for (auto* candidate : senders_) {
    if (candidate->channel() == claimed->channel) sender = candidate;
  }
  if (!message) {
    if (message.error().code() != ErrorCode::conflict) return message.error();  // storage trouble: the lease retries
    outcome = ports::DeliveryStatus::dead;
    error = message.error().log_detail();
  } else if (!sender) {
    outcome = ports::DeliveryStatus::dead;
    error = fmt::format("no sender for {}", dn::to_string(claimed->channel));
  } else {
    auto sent = sender->send(*message);
    if (!sent.sent) {
      error = sent.error;
      if (!sent.permanent) {
        next_attempt = domain::integration::next_attempt(settings_.retry, claimed->attempts + 1, claimed->retry_from,
                                                         clock_.now(), random_());
      }
      outcome = next_attempt ? ports::DeliveryStatus::pending : ports::DeliveryStatus::dead;
    }
  }
  auto recorded = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto done = tx.notifications().record_attempt(claimed->id, now, outcome, next_attempt, error);
    if (!done) return done.error();
    return {};
  });
  if (!recorded) return recorded.error();
  if (outcome == ports::DeliveryStatus::dead) {
    logging::app().warn("notification {} ({} of case {}) not sent: {}", claimed->id, dn::to_string(claimed->notice),
                        claimed->complaint_id, error);
  } else if (outcome == ports::DeliveryStatus::pending) {
    logging::app().info("notification {} attempt {} failed: {}", claimed->id, claimed->attempts + 1, error);
  }
  return true;
}

Result<std::size_t> NotificationDeliverer::run_until_idle(std::size_t max) {
  std::size_t attempts = 0;
  while (attempts < max) {
    auto done = send_next();
    if (!done) return done.error();
    if (!*done) break;
    ++attempts;
  }
  return attempts;
}

}  // namespace sigap::app::notifications
