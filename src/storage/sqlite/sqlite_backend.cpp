#include "storage/sqlite/sqlite_backend.hpp"

#include <pthread.h>
#include <sqlite3.h>

#include <algorithm>
#include <future>

#include <vector>

#include "common/logging.hpp"
#include "storage/migrations/migrator.hpp"

namespace sigap::storage::sqlite {

namespace {

constexpr std::size_t kMaxGroup = 512;
constexpr std::chrono::milliseconds kReaderWait{5000};
// SQLite's own default for its automatic checkpoint: about 4 MiB of log.
constexpr int kCheckpointPages = 1000;

}  // namespace

Result<std::unique_ptr<SqliteBackend>> SqliteBackend::open(const std::string& path, std::size_t readers) {
  auto writer = SqliteConnection::open(path, false);
  if (!writer) return writer.error();
  auto migrated = migrations::migrate(**writer, migrations::sqlite_migrations());
  if (!migrated) return migrated.error();
  if (migrated->version_after != migrated->version_before) {
    logging::app().info("sqlite {}: schema migrated from version {} to {}", path, migrated->version_before,
                        migrated->version_after);
  }
  auto checkpointer = SqliteConnection::open(path, false);
  if (!checkpointer) return checkpointer.error();
  std::unique_ptr<SqliteBackend> backend(new SqliteBackend(std::move(*writer), std::move(*checkpointer)));
  backend->writer_->on_wal_commit([raw = backend.get()](int pages) {
    bool due = false;
    {
      std::lock_guard lock(raw->queue_mutex_);
      due = raw->wal_pages_ < kCheckpointPages && pages >= kCheckpointPages;
      raw->wal_pages_ = pages;
    }
    if (due) raw->checkpoint_due_.notify_one();
  });
  for (std::size_t i = 0; i < std::max<std::size_t>(readers, 1); ++i) {
    auto reader = SqliteConnection::open(path, true);
    if (!reader) return reader.error();
    backend->readers_.add(std::move(*reader));
  }
  backend->writer_thread_ = std::thread([raw = backend.get()] { raw->run_writer(); });
  backend->checkpoint_thread_ = std::thread([raw = backend.get()] { raw->run_checkpointer(); });
  return backend;
}

SqliteBackend::~SqliteBackend() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_ready_.notify_all();
  checkpoint_due_.notify_all();
  if (writer_thread_.joinable()) writer_thread_.join();
  if (checkpoint_thread_.joinable()) checkpoint_thread_.join();
}

Result<sql::SqlRows> SqliteBackend::read(std::string_view sql, const std::vector<sql::SqlValue>& params) {
  auto lease = readers_.acquire(kReaderWait);
  if (!lease) return lease.error();
  return (*lease)->query(sql, params);
}

bool SqliteBackend::enqueue(Job& job) {
  {
    std::lock_guard lock(queue_mutex_);
    if (stopping_) return false;
    queue_.push_back(std::move(job));
  }
  queue_ready_.notify_one();
  return true;
}

Error SqliteBackend::stopping_error() {
  return Error(ErrorCode::unavailable, Text{"Server sedang berhenti.", "The server is shutting down."});
}

Result<void> SqliteBackend::transact(const Work& work) {
  std::promise<Result<void>> promise;
  auto done = promise.get_future();
  Job job{&work, {}, [&promise](Result<void> result) { promise.set_value(std::move(result)); }};
  if (!enqueue(job)) return stopping_error();
  return done.get();
}

void SqliteBackend::transact_queued(Work work, Done done) {
  Job job{nullptr, std::move(work), std::move(done)};
  if (!enqueue(job)) job.done(stopping_error());
}

Result<void> SqliteBackend::ping() {
  auto rows = read("SELECT 1", {});
  if (!rows) return rows.error();
  return {};
}

void SqliteBackend::limit_memory(std::int64_t bytes) { sqlite3_soft_heap_limit64(std::max<std::int64_t>(bytes, 0)); }

app::ports::StorageStats SqliteBackend::stats() const {
  app::ports::StorageStats stats;
  stats.memory_bytes = static_cast<std::uint64_t>(sqlite3_memory_used());
  stats.reader_pool_size = readers_.size();
  stats.readers_in_use = readers_.in_use();
  {
    std::lock_guard lock(queue_mutex_);
    stats.writer_queue_depth = queue_.size();
  }
  stats.commits = commits_.load();
  stats.transactions = transactions_.load();
  return stats;
}

void SqliteBackend::run_writer() {
  // Named, so `top -H` and `ps -L` show the one thread every write goes through.
  pthread_setname_np(pthread_self(), "sigap-writer");
  for (;;) {
    std::deque<Job> group;
    {
      std::unique_lock lock(queue_mutex_);
      queue_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to write
      while (!queue_.empty() && group.size() < kMaxGroup) {
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commit_group(group);
    if (tail_due_.exchange(false)) {
      if (auto left = writer_->checkpoint_passive(); !left) {
        logging::app().warn("sqlite checkpoint: {}", left.error().log_detail());
      }
    }
  }
}

void SqliteBackend::run_checkpointer() {
  pthread_setname_np(pthread_self(), "sigap-checkpoint");
  std::unique_lock lock(queue_mutex_);
  for (;;) {
    checkpoint_due_.wait(lock, [&] { return stopping_ || wal_pages_ >= kCheckpointPages; });
    if (stopping_) return;
    lock.unlock();
    auto left = checkpointer_->checkpoint_passive();
    if (!left) logging::app().warn("sqlite checkpoint: {}", left.error().log_detail());
    tail_due_ = true;
    lock.lock();
    // Until a commit reports the log's new size, do not spin on the old one.
    wal_pages_ = 0;
  }
}

void SqliteBackend::commit_group(std::deque<Job>& group) {
  auto fail_all = [&](const Error& error) {
    for (auto& job : group) job.done(error);
  };
  // The statements of every group go through query(), which keeps them prepared: parsing them
  // anew for each intake was a tenth of its CPU.
  if (auto begun = writer_->query("BEGIN IMMEDIATE", {}); !begun) {
    logging::app().error("sqlite writer: {}", begun.error().log_detail());
    fail_all(begun.error());
    return;
  }
  std::vector<Result<void>> results;
  results.reserve(group.size());
  for (auto& job : group) {
    (void)writer_->query("SAVEPOINT job", {});
    Result<void> result = Error::internal("transaction threw");
    try {
      result = job.work ? (*job.work)(*writer_) : job.owned(*writer_);
    } catch (const std::exception& e) {
      result = Error::internal(std::string("transaction threw: ") + e.what());
    }
    if (result) {
      (void)writer_->query("RELEASE job", {});
    } else {
      auto undone = writer_->execute_script("ROLLBACK TO job; RELEASE job");
      if (!undone) {
        // The engine abandoned the whole transaction (I/O error, disk full): nothing of the
        // group is kept, so every caller hears the failure.
        logging::app().error("sqlite writer: rollback failed: {}", undone.error().log_detail());
        (void)writer_->execute_script("ROLLBACK");
        fail_all(undone.error());
        return;
      }
    }
    results.push_back(std::move(result));
  }
  if (auto committed = writer_->query("COMMIT", {}); !committed) {
    logging::app().error("sqlite writer: commit failed: {}", committed.error().log_detail());
    (void)writer_->execute_script("ROLLBACK");
    fail_all(committed.error());
    return;
  }
  commits_.fetch_add(1);
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (results[i]) transactions_.fetch_add(1);
    group[i].done(std::move(results[i]));
  }
}

}  // namespace sigap::storage::sqlite
