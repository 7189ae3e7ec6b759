#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "domain/complaints/attribute_answers.hpp"

namespace sigap::channels::open311 {

/// Name/value pairs of a form or query string, decoded, in the order sent.
using FormPairs = std::vector<std::pair<std::string, std::string>>;

/// The arguments of GeoReport v2 `POST requests`, read but not yet judged: whether the key is
/// valid, the service exists and the answers fit its definition is decided later. Empty text
/// means "not given" (the specification treats an empty argument as an absent one).
struct ServiceRequestForm {
  std::string api_key;
  std::string jurisdiction_id;
  std::string service_code;
  std::optional<double> lat;
  std::optional<double> lon;  // the `long` argument
  std::string address_string;
  std::string address_id;
  std::string email;
  std::string device_id;
  std::string account_id;
  std::string first_name;
  std::string last_name;
  std::string phone;
  std::string description;
  std::string media_url;
  std::vector<domain::complaints::GivenAttribute> attributes;  // attribute[code], attribute[code][]
};

inline constexpr std::size_t kMaxDescription = 4000;  // characters, as the specification limits it
inline constexpr std::size_t kMaxMediaUrl = 2000;

/// Reads the form. Refused, every problem at once as a validation error naming the argument:
/// an unknown argument, one given twice (attributes aside), `attribute` keys other than
/// attribute[code] and attribute[code][], lat or long that is not a decimal number or comes
/// without the other, no location at all (lat and long, address_string or address_id), a
/// description over 4,000 characters, and a media_url that is not an absolute http(s) URL of
/// at most 2,000 characters without spaces. service_code is required too.
Result<ServiceRequestForm> read_service_request_form(const FormPairs& pairs);

}  // namespace sigap::channels::open311
