#pragma once

#include <boost/json/object.hpp>

#include "domain/identity/user.hpp"

namespace sigap::http::handlers {

/// A user as the API shows it: never the password hash or the TOTP secret.
boost::json::object user_json(const domain::identity::User& user);
boost::json::object api_key_json(const domain::identity::ApiKey& key);

}  // namespace sigap::http::handlers
