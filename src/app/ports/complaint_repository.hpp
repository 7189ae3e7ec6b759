#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports/photo_store.hpp"
#include "common/error.hpp"
#include "domain/complaints/complaint.hpp"
#include "domain/complaints/routing.hpp"

namespace sigap::app::ports {

/// What an earlier intake with the same Idempotency-Key answered.
struct IdempotentAnswer {
  std::string request_hash;
  std::int64_t complaint_id = 0;
  std::string response;  // the JSON body sent then (it holds the reporter secret: sealed at rest)
};

/// A page of a staff list, newest first.
struct CaseListQuery {
  bool everywhere = false;              // else only cases of `unit_roots` and their sub-units
  std::vector<std::string> unit_roots;
  std::string status;                   // empty: any
  std::int64_t before_id = 0;           // cursor: 0 = from the newest
  int limit = 50;
};

/// Reads complaints and their timelines (personal data opened). Thread-safe.
class ComplaintRepository {
 public:
  virtual ~ComplaintRepository() = default;
  virtual Result<std::optional<domain::complaints::Complaint>> find_by_code(std::string_view public_code) = 0;
  virtual Result<std::optional<domain::complaints::Complaint>> find_by_id(std::int64_t id) = 0;
  /// The timeline, oldest first; `public_only` leaves out internal entries.
  virtual Result<std::vector<domain::complaints::ComplaintEvent>> events(std::int64_t complaint_id,
                                                                         bool public_only) = 0;
  virtual Result<std::optional<IdempotentAnswer>> idempotent_answer(std::string_view key) = 0;
  virtual Result<std::vector<domain::complaints::RoutingRule>> routing_rules() = 0;
  /// The complaints a signed-in citizen reported, newest first, at most `limit`.
  virtual Result<std::vector<domain::complaints::Complaint>> list_by_reporter(std::int64_t user_id, int limit) = 0;
  virtual Result<std::vector<domain::complaints::Complaint>> list_cases(const CaseListQuery& query) = 0;
  /// The case's photos in the order given.
  virtual Result<std::vector<StoredPhoto>> photos(std::int64_t complaint_id) = 0;
  /// Complaints stored in all.
  virtual Result<std::int64_t> count() = 0;
};

/// Writes complaints inside a Transaction.
class ComplaintWriter {
 public:
  virtual ~ComplaintWriter() = default;
  /// Inserts a new complaint (personal data sealed); returns its id. A duplicate public code is
  /// a `conflict`.
  virtual Result<std::int64_t> insert(const domain::complaints::Complaint& complaint) = 0;
  /// Appends an event and its outbox row (topic "complaint.<type>", payload JSON) together;
  /// returns the event id.
  virtual Result<std::int64_t> append_event(const domain::complaints::ComplaintEvent& event,
                                            const std::string& outbox_payload) = 0;
  /// Records the answer to an Idempotency-Key; a key already recorded is a `conflict`.
  virtual Result<void> remember_answer(std::string_view key, const IdempotentAnswer& answer, TimePoint at) = 0;
  virtual Result<void> save_routing_rule(const domain::complaints::RoutingRule& rule) = 0;
  virtual Result<void> add_photo(std::int64_t complaint_id, int position, const StoredPhoto& photo) = 0;
  /// Stores the new state of a case (status, unit, status before need_info, rating, updated time) and
  /// bumps its version, only if the stored version is still `expected_version`; otherwise
  /// `precondition_failed` (someone else changed it first).
  virtual Result<void> update_state(const domain::complaints::Complaint& complaint, std::int64_t expected_version) = 0;
};

}  // namespace sigap::app::ports
