#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/complaints/complaint.hpp"

namespace sigap::testing {

/// One complaint as a citizen's app sends it to POST /api/v1/complaints. Every field is set so a
/// stored copy can be compared field by field; the reporter's contact is given already in the
/// form intake normalises it to (E.164 phone, lower-case e-mail).
struct SentComplaint {
  std::string description;
  std::string title;
  std::string category;  // empty: intake suggests one
  std::string region_code;
  std::string kind = "complaint";
  double latitude = 0;
  double longitude = 0;
  double accuracy_m = 0;
  std::string address;
  std::string reporter_name;
  std::string reporter_phone;
  std::string reporter_email;
  std::string reporter_nik;
  bool anonymous = false;
  bool confidential = false;

  /// A complaint distinct from every other `number` (and `series`), varied like real reports.
  static SentComplaint numbered(int series, std::int64_t number);
  /// The JSON body of the request.
  [[nodiscard]] std::string body() const;
};

/// A complaint the server acknowledged with 201: what was sent and what the answer said.
struct AcknowledgedComplaint {
  SentComplaint sent;
  std::int64_t id = 0;
  std::string code;
  std::string status;
  std::string kind;
  std::string category;  // the category the answer named (chosen or suggested)
  std::string unit;
  std::string submitted_at;
  std::string verify_due;  // the answer's deadlines, "" when null
  std::string first_response_due;
  std::string resolve_due;
  std::string reporter_secret;
  std::chrono::steady_clock::time_point acknowledged_at;
};

/// What differs between an acknowledged complaint and the stored case (field names only, never
/// the values: they hold personal data). Empty when every field matches.
std::vector<std::string> differences(const AcknowledgedComplaint& acknowledged,
                                     const domain::complaints::Complaint& stored);

/// Several clients, each on its own keep-alive connection and thread, submitting complaints to
/// `base_url` as fast as the server answers, until stop(). Every 201 is recorded. A failed
/// connection (the server was killed) is retried after a short pause; any answer other than 201
/// is counted as unexpected (with the server's rate limit for intake off, there should be none).
/// Thread-safe.
class IntakeLoad {
 public:
  IntakeLoad(std::string base_url, int connections, int series);
  ~IntakeLoad();
  IntakeLoad(const IntakeLoad&) = delete;
  IntakeLoad& operator=(const IntakeLoad&) = delete;

  /// Stops the clients and waits for them (a request in flight finishes or fails first).
  void stop();
  /// Waits until at least `count` complaints were acknowledged; false when `timeout` passed.
  bool wait_for(std::size_t count, std::chrono::milliseconds timeout) const;

  [[nodiscard]] std::vector<AcknowledgedComplaint> acknowledged() const;
  [[nodiscard]] std::size_t acknowledged_count() const;
  /// Answers other than 201 ("STATUS body", at most the first 10).
  [[nodiscard]] std::vector<std::string> unexpected() const;
  [[nodiscard]] std::size_t unexpected_count() const;

 private:
  void client(int index);

  std::string base_url_;
  int series_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::int64_t> next_number_{0};
  mutable std::mutex mutex_;
  std::vector<AcknowledgedComplaint> acknowledged_;  // GUARDED_BY(mutex_)
  std::vector<std::string> unexpected_;              // GUARDED_BY(mutex_)
  std::size_t unexpected_count_ = 0;                 // GUARDED_BY(mutex_)
  std::vector<std::thread> clients_;
};

}  // namespace sigap::testing
