#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports/case_list.hpp"
#include "app/ports/photo_store.hpp"
#include "common/error.hpp"
#include "domain/complaints/complaint.hpp"
#include "domain/complaints/duplicates.hpp"
#include "domain/complaints/routing.hpp"

namespace sigap::app::ports {

/// What an earlier intake with the same Idempotency-Key answered.
struct IdempotentAnswer {
  std::string request_hash;
  std::int64_t complaint_id = 0;
  std::string response;  // the JSON body sent then (it holds the reporter secret: sealed at rest)
};

/// A photo of a case, with the moment it came in: "report" (with the report), "reporter" (added
/// later through the tracking link), "after" (the handling unit's proof of the work done).
struct CasePhoto : StoredPhoto {
  std::string kind = "report";
  std::string added_by = "reporter";  // "reporter", "user:12", ...
  TimePoint added_at{};
};

/// An open, public case that a new report may repeat: what duplicate scoring needs, and what
/// the reporter may be shown of it (no personal data).
struct DuplicateCandidate {
  domain::complaints::Candidate candidate;
  std::string public_code;
  std::string title;
  domain::complaints::Status status = domain::complaints::Status::submitted;
  int support_count = 0;
};

/// Where a page of open public cases goes on from: the last case of the page before.
struct OpenCaseCursor {
  TimePoint submitted_at{};
  std::int64_t id = 0;
};

/// Reads complaints and their timelines (personal data opened). Thread-safe.
class ComplaintRepository {
 public:
  virtual ~ComplaintRepository() = default;
  virtual Result<std::optional<domain::complaints::Complaint>> find_by_code(std::string_view public_code) = 0;
  virtual Result<std::optional<domain::complaints::Complaint>> find_by_id(std::int64_t id) = 0;
  /// The case a public code names, read without the reporter's personal data (left empty, never
  /// opened): what tracking, support and the reporter's own actions need, and nothing more.
  virtual Result<std::optional<domain::complaints::Complaint>> find_public_by_code(std::string_view public_code) = 0;
  /// The timeline, oldest first; `public_only` leaves out internal entries.
  virtual Result<std::vector<domain::complaints::ComplaintEvent>> events(std::int64_t complaint_id,
                                                                         bool public_only) = 0;
  virtual Result<std::optional<IdempotentAnswer>> idempotent_answer(std::string_view key) = 0;
  virtual Result<std::vector<domain::complaints::RoutingRule>> routing_rules() = 0;
  /// The complaints a signed-in citizen reported, newest first, at most `limit`.
  virtual Result<std::vector<domain::complaints::Complaint>> list_by_reporter(std::int64_t user_id, int limit) = 0;
  virtual Result<std::vector<domain::complaints::Complaint>> list_cases(const CaseListQuery& query) = 0;
  /// The cases of the same list in each status (the filter's statuses, cursor and limit are
  /// ignored); statuses without cases are left out.
  virtual Result<std::vector<StatusCount>> count_by_status(const CaseListQuery& query) = 0;
  /// One row per case submitted in the period, for the public figures.
  virtual Result<std::vector<CaseOutcome>> outcomes(const OutcomeQuery& query) = 0;
  /// The case's photos in the order given.
  virtual Result<std::vector<CasePhoto>> photos(std::int64_t complaint_id) = 0;
  /// The newest `limit` open public cases (neither closed nor rejected, not merged, not
  /// confidential) submitted at or after `since`, newest first, and after `after` when given
  /// (the last case of the page before): what the in-memory duplicate index of
  /// app/complaints/open_case_index starts from. Without `with_text` the title and the text are
  /// left empty (the index checks what it holds against the rest, a page at a time).
  virtual Result<std::vector<DuplicateCandidate>> open_public_cases_since(
      TimePoint since, int limit, bool with_text, const std::optional<OpenCaseCursor>& after) = 0;
  /// The cases merged into `master_id`, oldest first.
  virtual Result<std::vector<domain::complaints::Complaint>> merged_into(std::int64_t master_id) = 0;
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
  /// Removes the rule for exactly this category and region ('' = any); false when there was none.
  virtual Result<bool> delete_routing_rule(const std::string& category_code, const std::string& region_code) = 0;
  virtual Result<void> add_photo(std::int64_t complaint_id, int position, const CasePhoto& photo) = 0;
  /// Counts one supporter ("user:12", "device:<hash>", "case:<id>" for a merged case) of a case
  /// once; false when that supporter was already counted.
  virtual Result<bool> add_support(std::int64_t complaint_id, std::string_view supporter, TimePoint at) = 0;
  /// Stores the new state of a case (status, unit, category, status before need_info, rating,
  /// deadlines, SLA watch, milestones, merge, updated time) and bumps its version, only if the stored version is still `expected_version`; otherwise
  /// `precondition_failed` (someone else changed it first).
  virtual Result<void> update_state(const domain::complaints::Complaint& complaint, std::int64_t expected_version) = 0;
};

}  // namespace sigap::app::ports
