#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/complaints/find_duplicates.hpp"
#include "app/complaints/routing_book.hpp"
#include "app/ports/storage.hpp"
#include "app/sla/case_sla.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "domain/complaints/category_suggestion.hpp"
#include "domain/complaints/intake.hpp"
#include "domain/sla/sla_policy.hpp"
#include "domain/sla/working_calendar.hpp"

namespace sigap::app::complaints {

struct IntakeSettings {
  std::string triage_unit = "diskominfo";  // receives what no rule routes (SP4N-LAPOR! admin)
};

struct SubmitRequest {
  domain::complaints::IntakeDraft draft;
  std::string idempotency_key;       // optional: a retry with the same key returns the first answer
  std::string request_fingerprint;   // hash of the request as sent; a key reused with another is refused
  std::optional<std::int64_t> reporter_user_id;
  std::string actor = "reporter";
  /// Already checked and stored (ports::PhotoStore); the first one's GPS position is the
  /// location when the report gives none.
  std::vector<ports::StoredPhoto> photos;
};

struct SubmittedComplaint {
  domain::complaints::Complaint complaint;
  std::string unit_name;  // of complaint.unit_code
  bool location_from_photo = false;
  std::string reporter_secret;  // shown once to the reporter: reply, add photos, rate, reopen
  std::optional<domain::complaints::CategorySuggestion> suggestion;
  /// Open public cases this one probably repeats: the reporter may support one instead.
  std::vector<DuplicateMatch> possible_duplicates;
};

/// What the intake answers: a new complaint, or the answer given to the first request that
/// carried the same Idempotency-Key.
struct IntakeAnswer {
  std::optional<SubmittedComplaint> created;
  std::string response;  // the body (given or replayed)
  bool replayed = false;
};

/// Renders the body that answers a new complaint; it is stored with an Idempotency-Key so a
/// retry gets the very same answer.
using RenderAnswer = std::function<std::string(const SubmittedComplaint&)>;

/// A complaint checked, routed and dated, waiting to be stored (ComplaintIntake::prepare).
struct PreparedIntake {
  SubmitRequest request;
  RenderAnswer render;
  TimePoint now;
  SubmittedComplaint submitted;
  sla::SlaRecompute sla_clock;
  std::string response;  // rendered in the transaction when it is stored with the key
  int attempts = 0;      // public codes that were taken
};

/// Takes a complaint from any channel: validates every field, suggests a category from
/// keywords when none was chosen, routes it to the unit with authority (the most specific rule,
/// else the category's default unit, else triage), computes its deadlines on the working
/// calendar, and stores it with its first timeline event and outbox row in one transaction.
/// Concurrent retries with one Idempotency-Key create exactly one complaint. Thread-safe.
class ComplaintIntake {
 public:
  /// The deadlines follow the policies and calendar of `sla_rules` (app/sla/case_sla.hpp).
  ComplaintIntake(ports::Storage& storage, const Clock& clock, sla::SlaRules& sla_rules, IntakeSettings settings)
      : storage_(storage),
        clock_(clock),
        sla_rules_(sla_rules),
        settings_(std::move(settings)),
        directory_(storage, clock),
        open_cases_(storage, clock) {}

  Result<IntakeAnswer> submit(const SubmitRequest& request, const RenderAnswer& render);

  /// submit() in steps, for a caller that must not wait on the database writer (the web
  /// intake where writes are queued, ports::Storage::queues_writes(); docs/storage.md):
  ///   prepare() checks, routes and dates the complaint, or finds the first answer to its key;
  ///   store()   queues its transaction under a fresh public code and returns at once; `done`
  ///             runs on the writer thread once it is durable or failed;
  ///   answer()  turns that outcome into the answer, or into none when the public code was
  ///             taken meanwhile and store() must run again.
  /// `render` is copied into the prepared complaint and may run on the writer thread.
  struct PreparedStep {
    std::optional<IntakeAnswer> replayed;      // the first answer to this Idempotency-Key
    std::shared_ptr<PreparedIntake> prepared;  // else: the complaint to store
  };
  Result<PreparedStep> prepare(const SubmitRequest& request, const RenderAnswer& render);
  void store(const std::shared_ptr<PreparedIntake>& prepared, ports::Storage::WriteDone done);
  Result<std::optional<IntakeAnswer>> answer(PreparedIntake& prepared, const Result<void>& written);
  /// Whether store() returns before the write is durable (else it blocks like submit()).
  [[nodiscard]] bool stores_in_background() const { return storage_.queues_writes(); }

  /// The categories, routing rules, units and regions intake keeps read; an admin edit of any
  /// of them calls its invalidate() so the next report follows the edit.
  RoutingDirectory& directory() { return directory_; }
  /// The open public cases every report is compared with (possible duplicates).
  OpenCaseIndex& open_cases() { return open_cases_; }

 private:
  Result<std::optional<IntakeAnswer>> replay(const SubmitRequest& request);
  ports::Storage::Work transaction_for(const std::shared_ptr<PreparedIntake>& prepared);

  ports::Storage& storage_;
  const Clock& clock_;
  sla::SlaRules& sla_rules_;
  IntakeSettings settings_;
  RoutingDirectory directory_;
  OpenCaseIndex open_cases_;
};

}  // namespace sigap::app::complaints
