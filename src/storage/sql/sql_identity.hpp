#pragma once

#include "app/ports/identity_writer.hpp"
#include "app/ports/user_repository.hpp"
#include "storage/sql/personal_data.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

class SqlUserRepository final : public app::ports::UserRepository {
 public:
  SqlUserRepository(SqlBackend& backend, const PersonalDataSealer& sealer) : backend_(backend), sealer_(sealer) {}
  // app::ports::UserRepository
  Result<std::optional<domain::identity::User>> find_by_email(std::string_view email) override;
  Result<std::optional<domain::identity::User>> find_by_id(std::int64_t id) override;
  Result<std::optional<app::ports::SignedIn>> find_by_session(std::string_view token_hash) override;
  Result<std::vector<domain::identity::User>> list() override;

 private:
  Result<std::vector<domain::identity::User>> with_memberships(Result<SqlRows> rows);
  SqlBackend& backend_;
  const PersonalDataSealer& sealer_;
};

class SqlCredentialRepository final : public app::ports::CredentialRepository {
 public:
  explicit SqlCredentialRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::CredentialRepository
  Result<std::optional<domain::identity::Session>> find_session(std::string_view token_hash) override;
  Result<std::optional<domain::identity::ApiKey>> find_api_key(std::string_view prefix) override;
  Result<std::vector<domain::identity::ApiKey>> list_api_keys() override;
  Result<std::vector<std::string>> unused_recovery_codes(std::int64_t user_id) override;

 private:
  SqlBackend& backend_;
};

class SqlIdentityWriter final : public app::ports::IdentityWriter {
 public:
  SqlIdentityWriter(SqlConnection& connection, const PersonalDataSealer& sealer)
      : connection_(connection), sealer_(sealer) {}
  // app::ports::IdentityWriter
  Result<std::int64_t> create_user(const domain::identity::User& user) override;
  Result<void> set_password(std::int64_t user_id, const std::string& hash, TimePoint at) override;
  Result<void> set_disabled(std::int64_t user_id, bool disabled) override;
  Result<void> set_totp(std::int64_t user_id, const std::string& secret, bool enabled) override;
  Result<bool> advance_totp_step(std::int64_t user_id, std::int64_t step) override;
  Result<void> add_membership(std::int64_t user_id, const domain::access::Membership& membership) override;
  Result<void> remove_membership(std::int64_t user_id, const domain::access::Membership& membership) override;
  Result<void> create_session(const domain::identity::Session& session) override;
  Result<void> touch_session(const std::string& token_hash, TimePoint at) override;
  Result<void> mark_second_factor_done(const std::string& token_hash) override;
  Result<void> revoke_session(const std::string& token_hash, TimePoint at) override;
  Result<void> revoke_user_sessions(std::int64_t user_id, TimePoint at) override;
  Result<void> replace_recovery_codes(std::int64_t user_id, const std::vector<std::string>& code_hashes) override;
  Result<bool> use_recovery_code(std::int64_t user_id, const std::string& code_hash, TimePoint at) override;
  Result<std::int64_t> create_api_key(const domain::identity::ApiKey& key) override;
  Result<void> revoke_api_key(std::int64_t id, TimePoint at) override;

 private:
  /// Runs a statement that must touch the user's row(s); `not_found` when it touched none.
  Result<void> update_user(std::string_view sql, const std::vector<SqlValue>& params);
  SqlConnection& connection_;
  const PersonalDataSealer& sealer_;
};

}  // namespace sigap::storage::sql
