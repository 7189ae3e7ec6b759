#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "app/notifications/send_notifications.hpp"
#include "app/webhooks/deliver_webhooks.hpp"

namespace sigap::jobs {

struct DeliveryWorkerOptions {
  std::size_t webhook_threads = 4;  // attempts in flight at once (a slow receiver holds one)
  std::size_t notification_threads = 1;
  /// The longest an idle worker sleeps before it looks again (it sleeps less when the next
  /// retry is due sooner, and wakes at once on wake()).
  std::chrono::milliseconds idle_poll{1000};
};

/// Threads that carry out the work rows the outbox dispatcher wrote: webhook deliveries and
/// messages to reporters, each kind on threads of its own so a dead receiver never delays a
/// reporter's e-mail. Idle threads read when the next attempt is due and sleep until then;
/// they never write just to find there is nothing to do. Thread-safe; stop() lets attempts in
/// flight finish (each is bounded by its transport's timeouts).
class DeliveryWorkers {
 public:
  /// Either deliverer may be null (that kind of work is not done).
  DeliveryWorkers(app::ports::Storage& storage, const Clock& clock, app::webhooks::WebhookDeliverer* webhooks,
                  app::notifications::NotificationDeliverer* notifications, DeliveryWorkerOptions options = {})
      : storage_(storage), clock_(clock), webhooks_(webhooks), notifications_(notifications), options_(options) {}
  ~DeliveryWorkers();
  DeliveryWorkers(const DeliveryWorkers&) = delete;
  DeliveryWorkers& operator=(const DeliveryWorkers&) = delete;

  void start();
  /// New work may be due: idle threads look now.
  void wake();
  void stop();

 private:
  enum class Kind { webhooks, notifications };
  void loop(Kind kind);
  /// Sleeps until `pause` passes, wake() or stop(); true when stopping.
  bool sleep(std::chrono::milliseconds pause, std::uint64_t seen);

  app::ports::Storage& storage_;
  const Clock& clock_;
  app::webhooks::WebhookDeliverer* webhooks_;
  app::notifications::NotificationDeliverer* notifications_;
  DeliveryWorkerOptions options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool stopping_ = false;         // GUARDED_BY(mutex_)
  std::uint64_t wake_count_ = 0;  // GUARDED_BY(mutex_)
  std::vector<std::thread> threads_;
};

}  // namespace sigap::jobs
