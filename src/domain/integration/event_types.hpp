#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::domain::integration {

/// The names of committed case events as the outbox carries them ("complaint.<event type>"):
/// "complaint.submitted", "complaint.verify", "complaint.forwarded", ... (the list in
/// event_types.cpp, documented in docs/integration.md).
std::span<const std::string_view> complaint_topics();

/// What a webhook subscription asks for: topics from complaint_topics(), "complaint.*" or "*"
/// (everything). At least one, at most 50, no repeats. A validation error on `field` names
/// each unknown one.
Result<std::vector<std::string>> parse_event_filter(const std::vector<std::string>& wanted, std::string_view field);

/// Whether `topic` is one of `filter`.
bool matches(const std::vector<std::string>& filter, std::string_view topic);

/// The CloudEvents `type` of an outbox topic: "id.go.palembang.sigap." + topic, e.g.
/// "id.go.palembang.sigap.complaint.verify".
std::string cloud_event_type(std::string_view topic);

}  // namespace sigap::domain::integration
