#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace sigap::jobs {

/// A background thread that calls `tick` at once and then every `interval` until stopped: the
/// schedule of the Command Center's watches (presence, cameras, surges). A tick in progress is
/// never cut short; stop() wakes the sleeping thread and joins it. Thread-safe.
class Ticker {
 public:
  Ticker(std::string name, std::chrono::milliseconds interval, std::function<void()> tick)
      : name_(std::move(name)), interval_(interval), tick_(std::move(tick)) {}
  ~Ticker() { stop(); }
  Ticker(const Ticker&) = delete;
  Ticker& operator=(const Ticker&) = delete;

  /// Starts the thread; nothing when the interval is zero or it already runs.
  void start();
  /// Idempotent.
  void stop();

 private:
  std::string name_;
  std::chrono::milliseconds interval_;
  std::function<void()> tick_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace sigap::jobs
