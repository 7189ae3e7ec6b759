#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "storage/sql/connection_pool.hpp"
#include "storage/sql/sql_backend.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace sigap::storage::sqlite {

/// The embedded backend. Reads go to a pool of read-only connections (WAL lets them run beside
/// the writer). All writes go through ONE writer thread, which takes every transaction that is
/// waiting, runs each inside its own SAVEPOINT of one BEGIN IMMEDIATE ... COMMIT, so a burst of
/// requests costs one fsync, and then answers each caller with its own result: a failing
/// transaction is rolled back to its savepoint without touching its neighbours.
class SqliteBackend final : public sql::SqlBackend {
 public:
  /// Opens (creating) the database at `path`, applies migrations, starts the writer thread.
  static Result<std::unique_ptr<SqliteBackend>> open(const std::string& path, std::size_t readers);
  /// Bounds SQLite's memory in this process, every connection together, to about `bytes` (0 =
  /// no bound). Each connection may cache 32 MiB of pages; with the bound, a connection whose
  /// cache would take the process past it reuses its own least recently used pages instead of
  /// growing. Without it, the caches of the writer and the readers fill slowly as the database
  /// grows and the server's memory climbs for many minutes (bench/SOAK.md).
  static void limit_memory(std::int64_t bytes);
  ~SqliteBackend() override;
  SqliteBackend(const SqliteBackend&) = delete;
  SqliteBackend& operator=(const SqliteBackend&) = delete;

  // sql::SqlBackend
  Result<sql::SqlRows> read(std::string_view sql, const std::vector<sql::SqlValue>& params) override;
  Result<void> transact(const Work& work) override;
  void transact_queued(Work work, Done done) override;
  [[nodiscard]] bool queues_writes() const override { return true; }
  Result<void> ping() override;
  [[nodiscard]] app::ports::StorageStats stats() const override;
  [[nodiscard]] std::string_view name() const override { return "sqlite"; }

 private:
  struct Job {
    const Work* work;  // transact(): the caller's, alive while it waits
    Work owned;        // transact_queued(): the queue's own
    Done done;         // on the writer thread, after the commit
  };
  bool enqueue(Job& job);  // false (job untouched) once stopping
  static Error stopping_error();

  SqliteBackend(std::unique_ptr<SqliteConnection> writer, std::unique_ptr<SqliteConnection> checkpointer)
      : writer_(std::move(writer)), checkpointer_(std::move(checkpointer)) {}
  void run_writer();
  void commit_group(std::deque<Job>& group);
  void run_checkpointer();

  std::unique_ptr<SqliteConnection> writer_;  // used only by writer_thread_
  sql::ConnectionPool readers_;

  mutable std::mutex queue_mutex_;
  std::condition_variable queue_ready_;
  std::deque<Job> queue_;  // GUARDED_BY(queue_mutex_)
  bool stopping_ = false;  // GUARDED_BY(queue_mutex_)
  std::thread writer_thread_;

  // Checkpoints run on their own thread and connection, so the writer does not copy the log
  // back into the database itself (that was a fifth of its time). But the log restarts from
  // its beginning only after a checkpoint that copied all of it, which a checkpoint beside a
  // busy writer never does: so after each pass the writer copies the few pages committed
  // meanwhile, between two groups, and its next commit reuses the log from the start.
  std::unique_ptr<SqliteConnection> checkpointer_;  // used only by checkpoint_thread_
  std::condition_variable checkpoint_due_;
  int wal_pages_ = 0;  // GUARDED_BY(queue_mutex_): the log's size after the last commit
  std::atomic<bool> tail_due_{false};  // a pass ended: the writer copies what is left
  std::thread checkpoint_thread_;

  std::atomic<std::uint64_t> commits_{0};
  std::atomic<std::uint64_t> transactions_{0};
};

}  // namespace sigap::storage::sqlite
