#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/sql/sql_connection.hpp"

namespace sigap::storage::sql {

/// A fixed set of open connections handed out one thread at a time. Thread-safe.
class ConnectionPool {
 public:
  /// Gives a connection back to the pool when it goes out of scope.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<SqlConnection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (connection_) pool_->give_back(std::move(connection_));
    }
    SqlConnection& operator*() const { return *connection_; }
    SqlConnection* operator->() const { return connection_.get(); }
    /// Replace a broken connection (the pool keeps its size).
    void replace(std::unique_ptr<SqlConnection> connection) { connection_ = std::move(connection); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<SqlConnection> connection_;
  };

  void add(std::unique_ptr<SqlConnection> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
    ++size_;
  }

  /// Waits up to `timeout` for a free connection; `unavailable` when none came free.
  Result<Lease> acquire(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!available_.wait_for(lock, timeout, [&] { return !idle_.empty(); })) {
      return Error(ErrorCode::unavailable, Text{"Basis data sedang sibuk. Silakan coba lagi.",
                                                "The database is busy. Please try again."});
    }
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }

  [[nodiscard]] std::size_t size() const {
    std::lock_guard lock(mutex_);
    return size_;
  }
  [[nodiscard]] std::size_t in_use() const {
    std::lock_guard lock(mutex_);
    return size_ - idle_.size();
  }

 private:
  void give_back(std::unique_ptr<SqlConnection> connection) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(connection));
    }
    available_.notify_one();
  }

  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;  // GUARDED_BY(mutex_)
  std::size_t size_ = 0;                              // GUARDED_BY(mutex_)
};

}  // namespace sigap::storage::sql
