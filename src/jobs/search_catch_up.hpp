#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/ports/storage.hpp"

namespace sigap::jobs {

/// Keeps the full-text index of complaints up to date in batches (Storage::catch_up_search_index):
/// once a `interval`, whatever intake stored since. Feeding the index one intake at a time made
/// it the most expensive part of a durable intake on SQLite; a staff search catches up by itself
/// first, so this only keeps that cheap. Thread-safe; stop() joins.
class SearchCatchUp {
 public:
  explicit SearchCatchUp(app::ports::Storage& storage, std::chrono::milliseconds interval = std::chrono::seconds(1))
      : storage_(storage), interval_(interval) {}
  ~SearchCatchUp();
  SearchCatchUp(const SearchCatchUp&) = delete;
  SearchCatchUp& operator=(const SearchCatchUp&) = delete;

  void start();
  /// Lets a batch in progress finish and joins the thread. Idempotent.
  void stop();

 private:
  void loop();

  app::ports::Storage& storage_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace sigap::jobs
