#include "domain/integration/event_types.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace sigap::domain::integration {

namespace {

// Every event type the use cases write (app/complaints, app/sla). A new one is a new row.
constexpr std::array<std::string_view, 26> kTopics{
    "complaint.submitted",      "complaint.verify",
    "complaint.assign",         "complaint.start",
    "complaint.ask_info",       "complaint.info_received",
    "complaint.forwarded",      "complaint.reassigned",
    "complaint.resolve",        "complaint.confirm",
    "complaint.dispute",        "complaint.close_silently",
    "complaint.reject",         "complaint.merge",
    "complaint.merge_received", "complaint.reporter_reply",
    "complaint.confirmed",      "complaint.disputed",
    "complaint.reply",          "complaint.note",
    "complaint.photos_added",   "complaint.after_photo_added",
    "complaint.supported",      "complaint.flagged_for_triage",
    "complaint.sla_warning",    "complaint.sla_escalated",
};

constexpr std::string_view kTypePrefix = "id.go.palembang.sigap.";

}  // namespace

std::span<const std::string_view> complaint_topics() { return kTopics; }

Result<std::vector<std::string>> parse_event_filter(const std::vector<std::string>& wanted, std::string_view field) {
  std::vector<FieldError> problems;
  std::vector<std::string> filter;
  if (wanted.empty()) {
    problems.push_back({std::string(field), Text{"Pilih paling sedikit satu jenis kejadian, atau \"*\" untuk semua.",
                                                 "Choose at least one event type, or \"*\" for all."}});
  }
  if (wanted.size() > 50) {
    problems.push_back({std::string(field), Text{"Paling banyak 50 jenis kejadian.", "50 event types at most."}});
  }
  for (const auto& name : wanted) {
    const bool known =
        name == "*" || name == "complaint.*" || std::find(kTopics.begin(), kTopics.end(), name) != kTopics.end();
    if (!known) {
      problems.push_back(
          {std::string(field), Text{fmt::format("Jenis kejadian tidak dikenal: \"{}\".", name.substr(0, 80)),
                                    fmt::format("Unknown event type: \"{}\".", name.substr(0, 80))}});
    } else if (std::find(filter.begin(), filter.end(), name) == filter.end()) {
      filter.push_back(name);
    }
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Jenis kejadian tidak valid.", "Invalid event types."},
                 std::move(problems));
  }
  return filter;
}

bool matches(const std::vector<std::string>& filter, std::string_view topic) {
  return std::any_of(filter.begin(), filter.end(), [&](const std::string& wanted) {
    return wanted == "*" || wanted == topic || (wanted == "complaint.*" && topic.starts_with("complaint."));
  });
}

std::string cloud_event_type(std::string_view topic) { return std::string(kTypePrefix) + std::string(topic); }

}  // namespace sigap::domain::integration
