#pragma once

#include <optional>
#include <string>

#include "channels/open311/georeport_document.hpp"
#include "common/clock.hpp"

namespace sigap::channels::open311 {

/// One service request as GeoReport v2 shows it, built from a public case: nothing personal
/// (no reporter, no street address: `address` names the kelurahan and kecamatan, `address_id`
/// is the kelurahan's Kemendagri code), the pin rounded to 0.001° (about 100 m) and left out
/// for anonymous reports, as on the transparency page.
struct ServiceRequestView {
  std::string service_request_id;  // the public code, SGP-XXXX-XXXX
  bool open = true;
  std::string status_notes;
  std::string service_name;
  std::string service_code;
  std::string description;
  std::string agency_responsible;  // the unit holding the case
  std::string service_notice;
  TimePoint requested{};
  TimePoint updated{};
  std::optional<TimePoint> expected;  // the SLA resolution deadline
  std::string address;
  std::string address_id;
  std::optional<double> lat;
  std::optional<double> lon;
  std::string media_url;
};

/// The <request> of GET requests and GET requests/{id}, fields in the specification's order
/// (zipcode is always empty: Sigap keeps no postal codes).
Node request_node(const ServiceRequestView& view);

}  // namespace sigap::channels::open311
