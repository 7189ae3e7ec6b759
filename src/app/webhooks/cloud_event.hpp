#pragma once

#include <string>
#include <string_view>

#include "app/ports/outbox_repository.hpp"

namespace sigap::app::webhooks {

/// The CloudEvents 1.0 structured-mode JSON of an outbox row (application/cloudevents+json):
///   specversion "1.0"; id the outbox row's id (the same on every attempt and for every
///   subscription: receivers deduplicate by it); source `source`; type
///   domain::integration::cloud_event_type(topic); subject the public code; time the event's
///   time (RFC 3339, UTC); datacontenttype "application/json"; data {complaint_id, code, event,
///   status, from_status, to_status, unit, from_unit, to_unit, category, region, kind, channel,
///   public, confidential, at, merged_code?}.
/// Nothing about the reporter goes in: no name, contact, NIK, address, account, nor the texts
/// people wrote (title, description, messages); an integrator reads those, where its key may,
/// through the API.
std::string cloud_event_json(const ports::OutboxEntry& entry, std::string_view source);

/// The unit that held the case right after the event (the payload's "unit", else the unit the
/// event handed it to, else the case's unit now).
std::string unit_after_event(const ports::OutboxEntry& entry);

}  // namespace sigap::app::webhooks
