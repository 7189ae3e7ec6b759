#include "jobs/delivery_workers.hpp"

#include <algorithm>

#include "common/logging.hpp"

namespace sigap::jobs {

DeliveryWorkers::~DeliveryWorkers() { stop(); }

void DeliveryWorkers::start() {
  if (!threads_.empty()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  if (webhooks_) {
    for (std::size_t i = 0; i < options_.webhook_threads; ++i) threads_.emplace_back([this] { loop(Kind::webhooks); });
  }
  if (notifications_) {
    for (std::size_t i = 0; i < options_.notification_threads; ++i) {
      threads_.emplace_back([this] { loop(Kind::notifications); });
    }
  }
}

void DeliveryWorkers::wake() {
  {
    std::lock_guard lock(mutex_);
    ++wake_count_;
  }
  changed_.notify_all();
}

void DeliveryWorkers::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

bool DeliveryWorkers::sleep(std::chrono::milliseconds pause, std::uint64_t seen) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, pause, [&] { return stopping_ || wake_count_ != seen; });
  return stopping_;
}

void DeliveryWorkers::loop(Kind kind) {
  const char* name = kind == Kind::webhooks ? "webhook" : "notification";
  for (;;) {
    std::uint64_t seen = 0;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      seen = wake_count_;
    }
    // A read first: an idle worker never writes just to learn there is nothing to do.
    auto due = kind == Kind::webhooks ? storage_.webhooks().next_due() : storage_.notifications().next_due();
    if (!due) {
      logging::app().error("{} worker: {} {}", name, due.error().message().en, due.error().log_detail());
      if (sleep(options_.idle_poll, seen)) return;
      continue;
    }
    const auto now = clock_.now();
    if (!*due || **due > now) {
      auto pause = options_.idle_poll;
      if (*due) {
        auto until = std::chrono::duration_cast<std::chrono::milliseconds>(**due - now);
        pause = std::clamp(until, std::chrono::milliseconds(10), pause);
      }
      if (sleep(pause, seen)) return;
      continue;
    }
    auto did = kind == Kind::webhooks ? webhooks_->deliver_next() : notifications_->send_next();
    if (!did) {
      logging::app().error("{} worker: {} {}", name, did.error().message().en, did.error().log_detail());
      if (sleep(options_.idle_poll, seen)) return;
    } else if (!*did) {
      // Due, but waiting behind an earlier event of its case, or taken by another worker.
      if (sleep(options_.idle_poll, seen)) return;
    }
  }
}

}  // namespace sigap::jobs
