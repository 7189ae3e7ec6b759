#include "domain/audit/audit_entry.hpp"

#include <fmt/format.h>

#include "common/time_format.hpp"

namespace sigap::domain::audit {

std::string canonical_form(std::int64_t seq, const AuditRecord& record) {
  std::string out = fmt::format("{}", seq);
  for (const std::string& field :
       {format_utc(record.at), record.actor, record.action, record.target, record.detail, record.ip}) {
    out += fmt::format("|{}:{}", field.size(), field);
  }
  return out;
}

}  // namespace sigap::domain::audit
