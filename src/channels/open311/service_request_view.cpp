#include "channels/open311/service_request_view.hpp"

#include "common/time_format.hpp"

namespace sigap::channels::open311 {

Node request_node(const ServiceRequestView& view) {
  auto node = Node::object();
  node.add("service_request_id", Node::of_text(view.service_request_id))
      .add("status", Node::of_text(view.open ? "open" : "closed"))
      .add("status_notes", Node::text_or_null(view.status_notes))
      .add("service_name", Node::text_or_null(view.service_name))
      .add("service_code", Node::text_or_null(view.service_code))
      .add("description", Node::text_or_null(view.description))
      .add("agency_responsible", Node::text_or_null(view.agency_responsible))
      .add("service_notice", Node::text_or_null(view.service_notice))
      .add("requested_datetime", Node::of_text(format_utc(view.requested)))
      .add("updated_datetime", Node::of_text(format_utc(view.updated)))
      .add("expected_datetime", view.expected ? Node::of_text(format_utc(*view.expected)) : Node::null())
      .add("address", Node::text_or_null(view.address))
      .add("address_id", Node::text_or_null(view.address_id))
      .add("zipcode", Node::null())
      .add("lat", view.lat ? Node::of_real(*view.lat) : Node::null())
      .add("long", view.lon ? Node::of_real(*view.lon) : Node::null())
      .add("media_url", Node::text_or_null(view.media_url));
  return node;
}

}  // namespace sigap::channels::open311
