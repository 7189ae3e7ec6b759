#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "app/outbox/dispatch_outbox.hpp"

namespace sigap::jobs {

struct OutboxDispatcherOptions {
  /// How often to look for committed rows: a short poll (one indexed read, no write, when
  /// nothing waits), so the request path stays exactly as it was (no signal from the writer).
  /// 50 ms: the live stream's delay from commit to delivery is mostly this wait (a p99 target of
  /// 200 ms, docs/command-center.md); twenty indexed reads a second cost nothing measurable.
  std::chrono::milliseconds poll{50};
  int batch = 200;  // rows per fan-out transaction
};

/// The outbox dispatcher of `sigap serve`: every `poll` it fans committed outbox rows out into
/// durable work rows (app::outbox::OutboxDispatch) and then calls `on_fanned_out` so the
/// delivery workers start at once. Never blocks a request: it runs on its own thread, and its
/// writes are ordinary transactions. Thread-safe; stop() lets a batch in progress finish.
class OutboxDispatcher {
 public:
  OutboxDispatcher(app::outbox::OutboxDispatch& dispatch, OutboxDispatcherOptions options,
                   std::function<void()> on_fanned_out = {})
      : dispatch_(dispatch), options_(options), on_fanned_out_(std::move(on_fanned_out)) {}
  ~OutboxDispatcher();
  OutboxDispatcher(const OutboxDispatcher&) = delete;
  OutboxDispatcher& operator=(const OutboxDispatcher&) = delete;

  /// Fans out everything waiting now; how many rows.
  Result<std::size_t> run_once();
  void start();
  /// Wakes the thread, lets a batch in progress finish, and joins it. Idempotent.
  void stop();

 private:
  void loop();

  app::outbox::OutboxDispatch& dispatch_;
  OutboxDispatcherOptions options_;
  std::function<void()> on_fanned_out_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace sigap::jobs
