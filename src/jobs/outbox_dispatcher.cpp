#include "jobs/outbox_dispatcher.hpp"

#include "common/logging.hpp"

namespace sigap::jobs {

OutboxDispatcher::~OutboxDispatcher() { stop(); }

Result<std::size_t> OutboxDispatcher::run_once() {
  auto done = dispatch_.dispatch_all(options_.batch);
  if (done && *done > 0 && on_fanned_out_) on_fanned_out_();
  return done;
}

void OutboxDispatcher::start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { loop(); });
}

void OutboxDispatcher::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxDispatcher::loop() {
  for (;;) {
    if (auto ran = run_once(); !ran) {
      logging::app().error("outbox dispatcher: {} {}", ran.error().message().en, ran.error().log_detail());
    }
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, options_.poll, [this] { return stopping_; })) return;
  }
}

}  // namespace sigap::jobs
