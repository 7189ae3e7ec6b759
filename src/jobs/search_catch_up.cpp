#include "jobs/search_catch_up.hpp"

#include "common/logging.hpp"

namespace sigap::jobs {

SearchCatchUp::~SearchCatchUp() { stop(); }

void SearchCatchUp::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void SearchCatchUp::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SearchCatchUp::loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    auto added = storage_.catch_up_search_index();
    if (!added) logging::app().warn("search index: catching up failed: {}", added.error().log_detail());
    lock.lock();
  }
}

}  // namespace sigap::jobs
