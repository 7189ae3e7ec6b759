#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/identity/user.hpp"

namespace sigap::app::ports {

/// A session and the user it belongs to.
struct SignedIn {
  domain::identity::Session session;
  domain::identity::User user;
};

/// Reads users with their memberships. Thread-safe.
class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual Result<std::optional<domain::identity::User>> find_by_email(std::string_view email) = 0;
  virtual Result<std::optional<domain::identity::User>> find_by_id(std::int64_t id) = 0;
  /// The session with this token hash and its user, in one read (what every signed-in request
  /// needs); nullopt when there is no such session or its user is gone.
  virtual Result<std::optional<SignedIn>> find_by_session(std::string_view token_hash) = 0;
  /// All users, by e-mail.
  virtual Result<std::vector<domain::identity::User>> list() = 0;
};

/// Reads sessions and API keys. Thread-safe.
class CredentialRepository {
 public:
  virtual ~CredentialRepository() = default;
  virtual Result<std::optional<domain::identity::Session>> find_session(std::string_view token_hash) = 0;
  virtual Result<std::optional<domain::identity::ApiKey>> find_api_key(std::string_view prefix) = 0;
  virtual Result<std::vector<domain::identity::ApiKey>> list_api_keys() = 0;
  /// The Argon2id hashes of the user's recovery codes not yet used.
  virtual Result<std::vector<std::string>> unused_recovery_codes(std::int64_t user_id) = 0;
};

}  // namespace sigap::app::ports
