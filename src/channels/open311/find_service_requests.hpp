#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "channels/open311/requests_query.hpp"
#include "channels/open311/service_request_view.hpp"
#include "common/text.hpp"
#include "domain/complaints/complaint.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::channels::open311 {

/// GeoReport `GET requests`: the public cases the query names (service_request_id), or those
/// requested within its window that match its service codes and status, newest first, at most
/// 1,000. Public means what the transparency page shows: not confidential; merged cases are
/// listed only when named. Names are in `language`.
Result<std::vector<ServiceRequestView>> find_service_requests(app::ports::Storage& storage, const RequestsQuery& query,
                                                              Language language);

/// GeoReport `GET requests/{id}`: `not_found` for a code that names no public case.
Result<ServiceRequestView> find_service_request(app::ports::Storage& storage, std::string_view id, Language language);

/// What GeoReport `GET tokens/{token}` answers: the service request a submission became, once
/// known (empty while the intake is still at work, or when it refused the request).
struct TokenAnswer {
  std::string token;
  std::string service_request_id;
};

/// `not_found` for a token no submission carries.
Result<TokenAnswer> find_token(app::ports::Storage& storage, std::string_view token);

/// Open for the citizen: submitted, verified, assigned, in progress, waiting for the reporter,
/// reopened. Closed: resolved, closed, rejected (and merged, which closes).
bool is_open(domain::complaints::Status status);

/// GeoReport `service_notice`: who handles the case and, while it is open, the day its
/// resolution is due (in the unit's zone); for a closed one, how it ended. `unit` may be null.
Text service_notice(const domain::complaints::Complaint& complaint, const domain::master_data::Unit* unit);

/// The intake's Idempotency-Key of the submission with `token`.
std::string intake_key_of(std::string_view token);

}  // namespace sigap::channels::open311
