#pragma once

#include <cstdint>

#include "app/ports/storage.hpp"
#include "app/sla/case_sla.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::app::complaints {

/// Stores a case's new state and the timeline event that records it, with the event's outbox
/// row, inside the caller's transaction; the state only if nobody changed the case since
/// `expected_version` (else `precondition_failed`). Updates the case's milestones (first
/// response, resolved, closed) from the event first. The outbox payload names the event type,
/// the case, its code, status and unit, and the time. Every workflow change goes through here.
/// It also recomputes the case's deadlines, SLA target, due time and level and the SLA watch's
/// next look (app::sla::recompute_case_sla) from `sla_inputs`, read before the transaction with
/// app::sla::read_case_sla_inputs for the unit holding the case after the change.
Result<void> commit_case_change(ports::Transaction& tx, domain::complaints::Complaint& complaint,
                                std::int64_t expected_version, const domain::complaints::ComplaintEvent& event,
                                const sla::CaseSlaInputs& sla_inputs);

/// A validation error on one field, for the workflow's use cases.
Error case_field_problem(std::string field, Text message);

}  // namespace sigap::app::complaints
