#pragma once

#include <optional>
#include <string>

#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::app::complaints {

/// Something staff write on a case: a public reply the reporter reads on the tracking page, or
/// an internal note that only staff in scope ever see.
struct CaseMessage {
  std::string kind;  // "reply" or "note"
  std::string text;  // 1-5,000 characters
  std::optional<std::int64_t> expected_version;  // from If-Match
};

/// Writes the message on the case's timeline (needs work_case on the case's unit). A reply to
/// the reporter is the unit's first response when none came before. Notes may be written on a
/// closed case; replies may not (the reporter has gone). Returns the event as stored.
Result<domain::complaints::ComplaintEvent> post_case_message(ports::Storage& storage, const Clock& clock,
                                                             sla::SlaRules& sla_rules,
                                                             const domain::access::Actor& actor, std::int64_t id,
                                                             const CaseMessage& message);

}  // namespace sigap::app::complaints
