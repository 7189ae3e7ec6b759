#include "http/handlers/identity_json.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "domain/identity/masking.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;

boost::json::object user_json(const domain::identity::User& user) {
  json::array memberships;
  for (const auto& membership : user.memberships) {
    memberships.push_back(json::object{{"unit_code", membership.unit_code},
                                       {"role", domain::access::to_string(membership.role)}});
  }
  return json::object{{"id", user.id},
                      {"email", user.email},
                      {"display_name", user.display_name},
                      {"kind", user.kind == domain::identity::UserKind::citizen ? "citizen" : "staff"},
                      {"disabled", user.disabled},
                      {"totp_enabled", user.totp_enabled},
                      {"created_at", format_utc(user.created_at)},
                      {"memberships", std::move(memberships)},
                      // Masked: the full values are for the citizen's own eyes and audited reveals.
                      {"phone", domain::identity::mask_phone(user.phone)},
                      {"nik", domain::identity::mask_nik(user.nik)}};
}

boost::json::object api_key_json(const domain::identity::ApiKey& key) {
  json::array scopes;
  for (auto scope : key.scopes) scopes.emplace_back(domain::access::to_string(scope));
  return json::object{{"id", key.id},
                      {"prefix", key.prefix},
                      {"name", key.name},
                      {"unit_code", key.unit_code},
                      {"scopes", std::move(scopes)},
                      {"created_at", format_utc(key.created_at)},
                      {"expires_at", format_utc(key.expires_at)},
                      {"revoked", key.revoked}};
}

}  // namespace sigap::http::handlers
