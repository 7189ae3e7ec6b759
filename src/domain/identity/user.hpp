#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "domain/access/access.hpp"

namespace sigap::domain::identity {

enum class UserKind { staff, citizen };

/// A person who signs in: staff (with memberships) or a citizen with an optional account.
struct User {
  std::int64_t id = 0;
  std::string email;  // lower case; the sign-in name
  std::string display_name;
  std::string phone;  // citizens, optional; personal data (sealed at rest)
  std::string nik;    // citizens, optional; personal data (sealed at rest)
  UserKind kind = UserKind::staff;
  std::string password_hash;  // Argon2id string (crypto::hash_password)
  std::string totp_secret;    // base32, empty until enrolled
  bool totp_enabled = false;
  bool disabled = false;
  TimePoint created_at{};
  TimePoint password_changed_at{};
  std::vector<access::Membership> memberships;

  /// TOTP is required for admin and leader roles.
  [[nodiscard]] bool requires_second_factor() const;
};

/// A signed-in browser. The cookie carries the token; only its SHA-256 is stored.
struct Session {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  bool second_factor_done = false;
  TimePoint created_at{};
  TimePoint last_seen_at{};
  TimePoint expires_at{};  // absolute expiry
  std::string ip;
  bool revoked = false;
};

/// An integrator's key. Shown once as "sgp_<prefix>_<secret>"; the secret is stored hashed.
struct ApiKey {
  std::int64_t id = 0;
  std::string prefix;
  std::string secret_hash;
  std::string name;
  std::string unit_code;
  std::vector<access::Action> scopes;
  std::int64_t created_by = 0;
  TimePoint created_at{};
  TimePoint expires_at{};
  bool revoked = false;
};

}  // namespace sigap::domain::identity
