#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/complaints/workflow.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::domain::complaints {

/// SP4N-LAPOR!'s classification of what a citizen sends.
enum class ComplaintKind { complaint, aspiration, information_request };  // pengaduan, aspirasi, permintaan informasi

/// The door a case came through; all of them land in the same inbox.
enum class Channel { web, whatsapp, telegram, sms, email, open311, api, counter };

std::string_view to_string(ComplaintKind kind);
std::string_view to_string(Channel channel);
Result<ComplaintKind> complaint_kind_from_string(std::string_view text, std::string_view field);
Result<Channel> channel_from_string(std::string_view text, std::string_view field);

/// Who reported, as given (normalised). Personal data: sealed at rest, never logged, never on
/// public pages; hidden from every agency when the case is anonymous.
struct ReporterContact {
  std::string name;
  std::string phone;  // E.164
  std::string email;
  std::string nik;
  std::string chat_id;  // Telegram chat of a report made there: where its status changes go; never shown
  bool operator==(const ReporterContact&) const = default;
};

/// The deadlines a case is held to; absent when the policy sets none.
struct Deadlines {
  std::optional<TimePoint> verify;
  std::optional<TimePoint> first_response;
  std::optional<TimePoint> resolve;
  bool operator==(const Deadlines&) const = default;
};

/// An aduan: what was reported, where, by whom, and where it stands.
struct Complaint {
  std::int64_t id = 0;
  std::string public_code;           // "SGP-7KX3-QM2D"
  std::string reporter_secret_hash;  // SHA-256 of the secret handed to the reporter
  ComplaintKind kind = ComplaintKind::complaint;
  Status status = Status::submitted;
  std::optional<Status> status_before_need_info;
  std::string title;
  std::string description;
  std::string category_code;
  bool category_suggested = false;  // chosen by keyword rules, not by the reporter
  std::string region_code;          // kelurahan
  std::optional<master_data::GeoPoint> location;
  std::optional<double> accuracy_m;
  std::string address;  // personal data (a home address)
  ReporterContact reporter;
  std::optional<std::int64_t> reporter_user_id;
  bool anonymous = false;     // identity hidden from every agency
  bool confidential = false;  // hidden from the public
  Channel channel = Channel::web;
  // The reporter's language and how they want to hear back ("" = as they reported, "none",
  // "email", "sms", "whatsapp", "telegram"): domain/notifications, docs/integration.md.
  Language language = Language::id;
  std::string notify_choice;
  std::string unit_code;  // the unit handling it now
  TimePoint submitted_at{};
  TimePoint updated_at{};
  Deadlines deadlines;
  std::optional<int> rating;  // 1-5, from the reporter when they confirm the resolution
  std::string rating_comment;
  std::int64_t version = 1;  // for ETag / If-Match

  // Milestones, for the figures (time to first response, share within SLA, fixed vs not).
  std::optional<TimePoint> first_response_at;  // the handling unit's first answer
  std::optional<TimePoint> resolved_at;        // the last time it was resolved
  std::optional<TimePoint> closed_at;

  // The deadline the case is held to now and how far the SLA job went against it
  // (app/complaints/sla_watch: 0 on time, 1 warned at 75 %, 2 escalated to the supervisor,
  // 3 escalated to the parent unit). Empty target: no clock runs (need_info, resolved, over).
  std::string sla_target;  // "verify", "first_response", "resolve"
  std::optional<TimePoint> due_at;
  int sla_level = 0;
  /// When the SLA job looks at the case next (app/sla/case_sla.hpp); nullopt: nothing is due
  /// until the case changes.
  std::optional<TimePoint> sla_check_at;

  int support_count = 0;                       // citizens who said "me too" (+1)
  std::optional<std::int64_t> merged_into_id;  // the master case this one follows

  bool operator==(const Complaint&) const = default;
};

/// One entry of a case's timeline, written in the same transaction as the change it records.
struct ComplaintEvent {
  std::int64_t id = 0;
  std::int64_t complaint_id = 0;
  TimePoint at{};
  std::string actor;  // "reporter", "user:12", "apikey:3", "system"
  Channel channel = Channel::web;
  std::string type;   // "submitted", "verified", "forwarded", "reply", "note", ...
  bool is_public = true;
  std::optional<Status> from_status;
  std::optional<Status> to_status;
  std::string from_unit;  // when the case changed hands
  std::string to_unit;
  std::string detail;  // public text for public events; never personal data of the reporter

  bool operator==(const ComplaintEvent&) const = default;
};

}  // namespace sigap::domain::complaints
