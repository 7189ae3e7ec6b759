#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"

namespace sigap::app::identity {

/// "sgp_<prefix>_<secret>" split into its parts; nullopt when it has another shape.
struct ApiKeyParts {
  std::string prefix;
  std::string secret;
};
std::optional<ApiKeyParts> parse_api_key(std::string_view text);

struct NewApiKey {
  std::string name;
  std::string unit_code;
  std::vector<domain::access::Action> scopes;
  std::chrono::hours lifetime{24 * 365};
};

struct CreatedApiKey {
  domain::identity::ApiKey key;
  std::string token;  // shown once; only its hash is kept
};

/// Creates an integrator key for a unit with the given scopes. Each scope must be one the policy
/// lets an integrator of that unit use (today: read_case); others are refused with a field
/// error rather than granted to no effect. Audited as `by`.
Result<CreatedApiKey> create_api_key(ports::Storage& storage, const Clock& clock, const NewApiKey& request,
                                     const std::string& by);
Result<void> revoke_api_key(ports::Storage& storage, const Clock& clock, std::int64_t id, const std::string& by);

}  // namespace sigap::app::identity
