#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "common/error.hpp"
#include "common/text.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::domain::notifications {

/// A change in a case that its reporter is told about. The names are stable (stored, and the
/// keys of the templates admins edit).
enum class Notice { received, verified, forwarded, need_info, resolved, closed, rejected };

std::string_view to_string(Notice notice);
Result<Notice> notice_from_string(std::string_view text, std::string_view field);
std::span<const Notice> all_notices();

/// The notice a committed timeline event gives the reporter, if any: intake (received), a public
/// forward (forwarded), and a public status change to verified, need_info, resolved, closed
/// (confirmed, closed silently, merged) or rejected. Internal events, replies, photos, support
/// and the like tell the reporter nothing.
std::optional<Notice> notice_for(const complaints::ComplaintEvent& event);

/// A status as the reporter reads it ("Sedang ditangani" / "Being handled").
const Text& status_label(complaints::Status status);

}  // namespace sigap::domain::notifications
