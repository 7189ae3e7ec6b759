#include "app/stream/stream_hub.hpp"

#include <algorithm>

#include "common/logging.hpp"

namespace sigap::app::stream {

namespace {

using SteadyClock = std::chrono::steady_clock;

// Units change rarely (an admin adds one); an unknown unit code reloads them at most this often.
constexpr std::chrono::seconds kUnitsRefresh{10};
constexpr std::chrono::seconds kUnitsMaxAge{60};

}  // namespace

StreamHub::StreamHub(ports::Storage& storage, const Clock& clock, StreamSettings settings)
    : storage_(storage), clock_(clock), settings_(settings) {}

StreamHub::~StreamHub() { stop(); }

std::shared_ptr<const command_center::UnitTree> StreamHub::units(bool refresh) {
  {
    std::lock_guard lock(mutex_);
    const auto age = SteadyClock::now() - units_loaded_;
    if (units_ && age < kUnitsMaxAge && (!refresh || age < kUnitsRefresh)) return units_;
  }
  auto loaded = command_center::UnitTree::load(storage_);
  std::lock_guard lock(mutex_);
  if (!loaded) {
    logging::app().warn("stream: cannot read the units: {} {}", loaded.error().message().en,
                        loaded.error().log_detail());
    return units_;  // the previous ones (or none)
  }
  units_ = std::make_shared<const command_center::UnitTree>(std::move(*loaded));
  units_loaded_ = SteadyClock::now();
  return units_;
}

Result<StreamFilter> StreamHub::filter_for(const domain::access::Actor& actor, std::optional<std::string_view> scope) {
  auto tree = units(scope && !scope->empty());
  if (!tree) return Error(ErrorCode::unavailable, Text{"Data unit tidak dapat dibaca.", "Cannot read the units."});
  return resolve_stream_filter(*tree, actor, scope);
}

Result<std::shared_ptr<StreamSubscription>> StreamHub::subscribe(StreamFilter filter,
                                                                 std::optional<std::int64_t> after) {
  std::lock_guard lock(mutex_);
  if (stopping_) return Error(ErrorCode::unavailable, Text{"Server sedang berhenti.", "The server is stopping."});
  if (!started_) {
    auto last = storage_.outbox().last_dispatched_seq();
    if (!last) return last.error();
    cursor_ = *last;
    start_locked();
  }
  std::string resync;
  if (after && *after > cursor_) {
    // Another process may have numbered it a moment ago; anything beyond is not ours.
    auto last = storage_.outbox().last_dispatched_seq();
    if (!last) return last.error();
    if (*after > *last) resync = "unknown_id";
  } else if (after && cursor_ - *after > settings_.max_backfill) {
    resync = "too_far_behind";
  }
  auto subscription = std::make_shared<StreamSubscription>(std::move(filter), after.value_or(cursor_), cursor_,
                                                           settings_.queue_messages, settings_.queue_bytes);
  if (!resync.empty()) {
    subscription->resync(resync);
    ++resyncs_;
    return subscription;
  }
  subscribers_.push_back(subscription);
  return subscription;
}

void StreamHub::unsubscribe(const std::shared_ptr<StreamSubscription>& subscription) {
  subscription->on_wake({});
  std::lock_guard lock(mutex_);
  peak_queued_ = std::max(peak_queued_, subscription->peak_queued());
  std::erase(subscribers_, subscription);
}

Result<std::vector<StreamMessage>> StreamHub::backfill(StreamSubscription& subscription) {
  std::vector<StreamMessage> messages;
  if (subscription.backfill_cursor >= subscription.boundary() || subscription.resyncing()) return messages;
  std::shared_ptr<const command_center::UnitTree> tree = units();
  // Pages until one yields something for this client (a narrow scope skips most events).
  while (messages.empty() && subscription.backfill_cursor < subscription.boundary()) {
    auto page = storage_.outbox().dispatched_after(subscription.backfill_cursor, settings_.page);
    if (!page) return page.error();
    if (page->empty()) {
      subscription.backfill_cursor = subscription.boundary();
      break;
    }
    for (const auto& entry : *page) {
      if (entry.dispatch_seq > subscription.boundary()) {
        subscription.backfill_cursor = subscription.boundary();
        break;
      }
      subscription.backfill_cursor = entry.dispatch_seq;
      if (tree && StreamFilter::admits(subscription.filter().cases, unit_chain(*tree, entry.unit_code))) {
        messages.push_back(event_message(entry));
      }
    }
  }
  return messages;
}

StreamMessage StreamHub::hello(const StreamSubscription& subscription) const {
  return hello_message(subscription.filter().scope, subscription.boundary());
}

void StreamHub::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_one();
}

void StreamHub::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

StreamHub::Stats StreamHub::stats() const {
  std::lock_guard lock(mutex_);
  Stats stats;
  stats.subscribers = subscribers_.size();
  stats.last_id = cursor_;
  stats.events = events_;
  stats.resyncs = resyncs_;
  stats.peak_queued = peak_queued_;
  for (const auto& subscription : subscribers_) {
    stats.peak_queued = std::max(stats.peak_queued, subscription->peak_queued());
  }
  return stats;
}

void StreamHub::start_locked() {
  started_ = true;
  const auto now = SteadyClock::now();
  next_alert_look_ = now;
  next_heartbeat_ = now + settings_.heartbeat;
  thread_ = std::thread([this] { loop(); });
}

void StreamHub::loop() {
  for (;;) {
    round(SteadyClock::now());
    std::unique_lock lock(mutex_);
    const auto until = std::min(SteadyClock::now() + settings_.poll, std::min(next_alert_look_, next_heartbeat_));
    wake_.wait_until(lock, until, [this] { return stopping_ || woken_; });
    if (stopping_) return;
    woken_ = false;
  }
}

void StreamHub::round(SteadyClock::time_point now) {
  if (auto followed = follow_outbox(); !followed) {
    logging::app().warn("stream: reading the outbox: {} {}", followed.error().message().en,
                        followed.error().log_detail());
  }
  if (now >= next_alert_look_) {
    next_alert_look_ = now + settings_.alert_poll;
    if (auto followed = follow_alerts(); !followed) {
      logging::app().warn("stream: reading the alerts: {} {}", followed.error().message().en,
                          followed.error().log_detail());
    }
  }
  if (now >= next_heartbeat_) {
    next_heartbeat_ = now + settings_.heartbeat;
    heartbeat();
  }
  // Subscriptions told to resync get nothing more; their sessions close them.
  std::lock_guard lock(mutex_);
  std::erase_if(subscribers_, [this](const auto& subscription) {
    if (!subscription->resyncing()) return false;
    ++resyncs_;
    peak_queued_ = std::max(peak_queued_, subscription->peak_queued());
    return true;
  });
}

Result<void> StreamHub::follow_outbox() {
  for (;;) {
    std::int64_t cursor = 0;
    {
      std::lock_guard lock(mutex_);
      cursor = cursor_;
    }
    auto page = storage_.outbox().dispatched_after(cursor, settings_.page);
    if (!page) return page.error();
    if (page->empty()) return {};
    auto tree = units();
    bool unknown = std::any_of(page->begin(), page->end(),
                               [&](const auto& entry) { return !tree || !tree->find(entry.unit_code); });
    if (unknown) tree = units(true);
    std::vector<std::shared_ptr<StreamSubscription>> to;
    {
      // Taking the subscribers and moving the cursor at once: a subscription made before this
      // gets these events live, one made after has them below its boundary (backfill).
      std::lock_guard lock(mutex_);
      to = subscribers_;
      cursor_ = page->back().dispatch_seq;
      events_ += page->size();
    }
    fan_out(to, *page, tree.get());
    if (page->size() < static_cast<std::size_t>(settings_.page)) return {};
  }
}

Result<void> StreamHub::follow_alerts() {
  auto changed = alerts_.look(storage_.alerts());
  if (!changed) return changed.error();
  if (changed->empty()) return {};
  auto tree = units();
  const auto to = subscribers();
  for (const auto& alert : *changed) {
    const auto chain = tree ? unit_chain(*tree, alert.unit_code) : std::vector<std::string>{};
    deliver(to, alert_message(alert), &StreamFilter::alerts, chain, alert.unit_code.empty());
  }
  return {};
}

void StreamHub::heartbeat() {
  std::int64_t last = 0;
  std::vector<std::shared_ptr<StreamSubscription>> to;
  {
    std::lock_guard lock(mutex_);
    last = cursor_;
    to = subscribers_;
  }
  const auto message = heartbeat_message(clock_.now(), last);
  for (const auto& subscription : to) subscription->push(message);
}

void StreamHub::fan_out(const std::vector<std::shared_ptr<StreamSubscription>>& to,
                        const std::vector<ports::OutboxEntry>& page, const command_center::UnitTree* tree) {
  // Each event serialised once; each subscription gets what its scope admits of the whole page
  // under one lock and one wake (a page of 500 events to 1,000 subscribers is 1,000 pushes, not
  // 500,000), and its session sends them together (http/stream_session).
  std::vector<StreamMessage> messages;
  std::vector<std::vector<std::string>> chains;
  messages.reserve(page.size());
  chains.reserve(page.size());
  for (const auto& entry : page) {
    messages.push_back(event_message(entry));
    chains.push_back(tree ? unit_chain(*tree, entry.unit_code) : std::vector<std::string>{});
  }
  std::vector<StreamMessage> admitted;
  admitted.reserve(page.size());
  for (const auto& subscription : to) {
    admitted.clear();
    const auto& cases = subscription->filter().cases;
    for (std::size_t i = 0; i < page.size(); ++i) {
      if (page[i].dispatch_seq <= subscription->after()) continue;  // the client has it
      if (StreamFilter::admits(cases, chains[i])) admitted.push_back(messages[i]);
    }
    if (!admitted.empty()) subscription->push_all(admitted);
  }
}

std::vector<std::shared_ptr<StreamSubscription>> StreamHub::subscribers() const {
  std::lock_guard lock(mutex_);
  return subscribers_;
}

void StreamHub::deliver(const std::vector<std::shared_ptr<StreamSubscription>>& to, const StreamMessage& message,
                        const domain::access::Scope StreamFilter::*scope, const std::vector<std::string>& chain,
                        bool city_wide) {
  for (const auto& subscription : to) {
    const auto& filter = subscription->filter();
    const auto& allowed = filter.*scope;
    // An alert of the whole city: for those who see everywhere and asked for no narrower scope.
    if (city_wide ? !(allowed.everywhere && filter.scope.empty()) : !StreamFilter::admits(allowed, chain)) continue;
    subscription->push(message);
  }
}

}  // namespace sigap::app::stream
