#include "storage/sql/sql_identity.hpp"

#include <algorithm>
#include <map>

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace da = domain::access;
namespace di = domain::identity;
using Row = std::vector<std::optional<std::string>>;

namespace {

constexpr std::string_view kUserColumns =
    "SELECT id, email, display_name, kind, password_hash, totp_secret, totp_enabled, disabled, created_at, "
    "password_changed_at, phone, nik, totp_last_step FROM users ";
constexpr std::string_view kApiKeyColumns =
    "SELECT id, prefix, secret_hash, name, unit_code, scopes, COALESCE(created_by, 0), created_at, expires_at, "
    "revoked_at FROM api_keys ";

TimePoint time_at(const Row& row, std::size_t column) { return parse_utc(text_at(row, column)).value_or(TimePoint{}); }

// The columns of a session, from `first` on in a row.
constexpr std::string_view kSessionColumns =
    "SELECT token_hash, user_id, csrf_token, second_factor_done, created_at, last_seen_at, expires_at, ip, "
    "revoked_at ";

di::Session session_from(const Row& row, std::size_t first) {
  di::Session session;
  session.token_hash = text_at(row, first);
  session.user_id = int_at(row, first + 1);
  session.csrf_token = text_at(row, first + 2);
  session.second_factor_done = int_at(row, first + 3) != 0;
  session.created_at = time_at(row, first + 4);
  session.last_seen_at = time_at(row, first + 5);
  session.expires_at = time_at(row, first + 6);
  session.ip = text_at(row, first + 7);
  session.revoked = row.at(first + 8).has_value();
  return session;
}

Result<di::User> user_from(const Row& row, const PersonalDataSealer& sealer) {
  di::User user;
  user.id = int_at(row, 0);
  for (auto [column, field] : {std::pair{1U, &user.email}, std::pair{2U, &user.display_name},
                               std::pair{10U, &user.phone}, std::pair{11U, &user.nik}}) {
    auto opened = sealer.open(text_at(row, column));
    if (!opened) return opened.error();
    *field = std::move(*opened);
  }
  user.kind = text_at(row, 3) == "citizen" ? di::UserKind::citizen : di::UserKind::staff;
  user.password_hash = text_at(row, 4);
  auto totp_secret = sealer.open(text_at(row, 5));  // a sign-in secret: sealed like personal data
  if (!totp_secret) return totp_secret.error();
  user.totp_secret = std::move(*totp_secret);
  user.totp_enabled = int_at(row, 6) != 0;
  user.disabled = int_at(row, 7) != 0;
  user.created_at = time_at(row, 8);
  user.password_changed_at = time_at(row, 9);
  return user;
}


std::string join_scopes(const std::vector<da::Action>& scopes) {
  std::string out;
  for (auto scope : scopes) {
    if (!out.empty()) out += ' ';
    out += da::to_string(scope);
  }
  return out;
}

std::vector<da::Action> split_scopes(std::string_view text) {
  std::vector<da::Action> scopes;
  while (!text.empty()) {
    auto space = text.find(' ');
    auto action = da::action_from_string(text.substr(0, space), "scopes");
    if (action) scopes.push_back(*action);
    text = space == std::string_view::npos ? "" : text.substr(space + 1);
  }
  return scopes;
}

Result<void> done(const Result<SqlRows>& result) {
  if (!result) return result.error();
  return {};
}

}  // namespace

// --- users ---

Result<std::vector<di::User>> SqlUserRepository::with_memberships(Result<SqlRows> rows) {
  if (!rows) return rows.error();
  std::vector<di::User> users;
  for (const auto& row : rows->rows) {
    auto user = user_from(row, sealer_);
    if (!user) return user.error();
    users.push_back(std::move(*user));
  }
  if (users.empty()) return users;
  std::map<std::int64_t, di::User*> by_id;
  for (auto& user : users) by_id[user.id] = &user;
  // One query for the memberships of all users read (lists are short: city staff).
  std::string sql = "SELECT user_id, unit_code, role FROM memberships WHERE user_id IN (";
  std::vector<SqlValue> params;
  for (const auto& user : users) {
    if (!params.empty()) sql += ", ";
    params.emplace_back(user.id);
    sql += '$';  // appended, not "$" + ...: GCC 12 at -O3 warns falsely (-Wrestrict) about that
    sql += std::to_string(params.size());
  }
  sql += ") ORDER BY user_id, unit_code, role";
  auto memberships = backend_.read(sql, params);
  if (!memberships) return memberships.error();
  for (const auto& row : memberships->rows) {
    auto role = da::role_from_string(text_at(row, 2), "role");
    if (!role) continue;
    by_id[int_at(row, 0)]->memberships.push_back(da::Membership{text_at(row, 1), *role});
  }
  return users;
}

Result<std::optional<di::User>> SqlUserRepository::find_by_email(std::string_view email) {
  auto users =
      with_memberships(backend_.read(std::string(kUserColumns) + "WHERE email_index = $1", {sealer_.index(email)}));
  if (!users) return users.error();
  if (users->empty()) return std::optional<di::User>();
  return std::optional<di::User>(std::move(users->front()));
}

namespace {

constexpr std::size_t kMembershipColumn = 13;  // after the 13 columns of kUserColumns

// The user of the first row, with the memberships of all rows in their order.
Result<di::User> user_with_memberships(const SqlRows& rows, const PersonalDataSealer& sealer) {
  auto user = user_from(rows.rows.front(), sealer);
  if (!user) return user.error();
  for (const auto& row : rows.rows) {
    if (!row.at(kMembershipColumn)) continue;
    auto role = da::role_from_string(text_at(row, kMembershipColumn + 1), "role");
    if (!role) continue;
    user->memberships.push_back(da::Membership{text_at(row, kMembershipColumn), *role});
  }
  return user;
}

}  // namespace

Result<std::optional<di::User>> SqlUserRepository::find_by_id(std::int64_t id) {
  // One round trip, not two (the user, then its memberships).
  // The user's columns, then a membership's unit and role (NULL for a user without any): one
  // row per membership. No column of memberships shares a name with one of users.
  static const std::string statement = [] {
    std::string sql(kUserColumns);
    sql.insert(sql.find(" FROM users "), ", m.unit_code, m.role");
    sql.append("u LEFT JOIN memberships m ON m.user_id = u.id WHERE u.id = $1 ORDER BY m.unit_code, m.role");
    return sql;
  }();
  auto rows = backend_.read(statement, {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<di::User>();
  auto user = user_with_memberships(*rows, sealer_);
  if (!user) return user.error();
  return std::optional<di::User>(std::move(*user));
}

Result<std::optional<app::ports::SignedIn>> SqlUserRepository::find_by_session(std::string_view token_hash) {
  // Every signed-in request: the session, its user and the user's memberships in one round trip.
  // Qualified columns (both tables have created_at), in the order of kUserColumns and
  // kSessionColumns, which user_from and session_from read.
  static constexpr std::string_view kStatement =
      "SELECT u.id, u.email, u.display_name, u.kind, u.password_hash, u.totp_secret, u.totp_enabled, u.disabled, "
      "u.created_at, u.password_changed_at, u.phone, u.nik, u.totp_last_step, m.unit_code, m.role, "
      "s.token_hash, s.user_id, s.csrf_token, s.second_factor_done, s.created_at, s.last_seen_at, s.expires_at, "
      "s.ip, s.revoked_at "
      "FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN memberships m ON m.user_id = u.id "
      "WHERE s.token_hash = $1 ORDER BY m.unit_code, m.role";
  auto rows = backend_.read(kStatement, {std::string(token_hash)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<app::ports::SignedIn>();
  auto user = user_with_memberships(*rows, sealer_);
  if (!user) return user.error();
  return std::optional<app::ports::SignedIn>(
      app::ports::SignedIn{session_from(rows->rows.front(), kMembershipColumn + 2), std::move(*user)});
}

Result<std::vector<di::User>> SqlUserRepository::list() {
  auto users = with_memberships(backend_.read(std::string(kUserColumns) + "ORDER BY id", {}));
  if (!users) return users;
  // Sorted here: the database only holds sealed e-mails.
  std::sort(users->begin(), users->end(), [](const di::User& a, const di::User& b) { return a.email < b.email; });
  return users;
}

// --- sessions and keys ---

Result<std::optional<di::Session>> SqlCredentialRepository::find_session(std::string_view token_hash) {
  auto rows = backend_.read(std::string(kSessionColumns) + "FROM sessions WHERE token_hash = $1",
                            {std::string(token_hash)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<di::Session>();
  return std::optional<di::Session>(session_from(rows->rows.front(), 0));
}

namespace {

di::ApiKey api_key_from(const Row& row) {
  di::ApiKey key;
  key.id = int_at(row, 0);
  key.prefix = text_at(row, 1);
  key.secret_hash = text_at(row, 2);
  key.name = text_at(row, 3);
  key.unit_code = text_at(row, 4);
  key.scopes = split_scopes(text_at(row, 5));
  key.created_by = int_at(row, 6);
  key.created_at = time_at(row, 7);
  key.expires_at = time_at(row, 8);
  key.revoked = row.at(9).has_value();
  return key;
}

}  // namespace

Result<std::optional<di::ApiKey>> SqlCredentialRepository::find_api_key(std::string_view prefix) {
  auto rows = backend_.read(std::string(kApiKeyColumns) + "WHERE prefix = $1", {std::string(prefix)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<di::ApiKey>();
  return std::optional<di::ApiKey>(api_key_from(rows->rows.front()));
}

Result<std::vector<di::ApiKey>> SqlCredentialRepository::list_api_keys() {
  auto rows = backend_.read(std::string(kApiKeyColumns) + "ORDER BY id", {});
  if (!rows) return rows.error();
  std::vector<di::ApiKey> keys;
  for (const auto& row : rows->rows) keys.push_back(api_key_from(row));
  return keys;
}

Result<std::vector<std::string>> SqlCredentialRepository::unused_recovery_codes(std::int64_t user_id) {
  auto rows = backend_.read("SELECT code_hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL", {user_id});
  if (!rows) return rows.error();
  std::vector<std::string> hashes;
  for (const auto& row : rows->rows) hashes.push_back(text_at(row, 0));
  return hashes;
}

// --- writer ---

Result<void> SqlIdentityWriter::update_user(std::string_view sql, const std::vector<SqlValue>& params) {
  auto rows = connection_.query(std::string(sql) + " RETURNING 1", params);
  if (!rows) return rows.error();
  if (rows->empty()) {
    return Error(ErrorCode::not_found, Text{"Pengguna tidak ditemukan.", "No such user."});
  }
  return {};
}

Result<std::int64_t> SqlIdentityWriter::create_user(const di::User& user) {
  auto rows = connection_.query(
      "INSERT INTO users (email, email_index, display_name, phone, nik, kind, password_hash, totp_secret, "
      "totp_enabled, disabled, created_at, password_changed_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
      {sealer_.seal(user.email), sealer_.index(user.email), sealer_.seal(user.display_name), sealer_.seal(user.phone),
       sealer_.seal(user.nik), std::string(user.kind == di::UserKind::citizen ? "citizen" : "staff"),
       user.password_hash, sealer_.seal(user.totp_secret), std::int64_t{user.totp_enabled}, std::int64_t{user.disabled},
       format_utc(user.created_at), format_utc(user.password_changed_at)});
  if (!rows) return rows.error();
  auto id = int_at(rows->rows.at(0), 0);
  for (const auto& membership : user.memberships) {
    if (auto added = add_membership(id, membership); !added) return added.error();
  }
  return id;
}

Result<void> SqlIdentityWriter::set_password(std::int64_t user_id, const std::string& hash, TimePoint at) {
  return update_user("UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE id = $3",
                     {hash, format_utc(at), user_id});
}

Result<void> SqlIdentityWriter::set_disabled(std::int64_t user_id, bool disabled) {
  return update_user("UPDATE users SET disabled = $1 WHERE id = $2", {std::int64_t{disabled}, user_id});
}

Result<void> SqlIdentityWriter::set_totp(std::int64_t user_id, const std::string& secret, bool enabled) {
  return update_user("UPDATE users SET totp_secret = $1, totp_enabled = $2 WHERE id = $3",
                     {sealer_.seal(secret), std::int64_t{enabled}, user_id});
}

Result<bool> SqlIdentityWriter::advance_totp_step(std::int64_t user_id, std::int64_t step) {
  auto rows = connection_.query("UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1 RETURNING 1",
                                {step, user_id});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<void> SqlIdentityWriter::add_membership(std::int64_t user_id, const da::Membership& membership) {
  return done(connection_.query(
      "INSERT INTO memberships (user_id, unit_code, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
      {user_id, membership.unit_code, std::string(da::to_string(membership.role))}));
}

Result<void> SqlIdentityWriter::remove_membership(std::int64_t user_id, const da::Membership& membership) {
  auto rows = connection_.query("DELETE FROM memberships WHERE user_id = $1 AND unit_code = $2 AND role = $3 RETURNING 1",
                                {user_id, membership.unit_code, std::string(da::to_string(membership.role))});
  if (!rows) return rows.error();
  if (rows->empty()) {
    return Error(ErrorCode::not_found, Text{"Pengguna tidak memegang peran itu.", "The user does not hold that role."});
  }
  return {};
}

Result<void> SqlIdentityWriter::create_session(const di::Session& session) {
  return done(connection_.query(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, second_factor_done, created_at, last_seen_at, "
      "expires_at, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {session.token_hash, session.user_id, session.csrf_token, std::int64_t{session.second_factor_done},
       format_utc(session.created_at), format_utc(session.last_seen_at), format_utc(session.expires_at),
       session.ip}));
}

Result<void> SqlIdentityWriter::touch_session(const std::string& token_hash, TimePoint at) {
  return done(connection_.query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2",
                                {format_utc(at), token_hash}));
}

Result<void> SqlIdentityWriter::mark_second_factor_done(const std::string& token_hash) {
  return done(connection_.query("UPDATE sessions SET second_factor_done = 1 WHERE token_hash = $1", {token_hash}));
}

Result<void> SqlIdentityWriter::revoke_session(const std::string& token_hash, TimePoint at) {
  return done(connection_.query("UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL",
                                {format_utc(at), token_hash}));
}

Result<void> SqlIdentityWriter::revoke_user_sessions(std::int64_t user_id, TimePoint at) {
  return done(connection_.query("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
                                {format_utc(at), user_id}));
}

Result<void> SqlIdentityWriter::replace_recovery_codes(std::int64_t user_id,
                                                       const std::vector<std::string>& code_hashes) {
  if (auto removed = done(connection_.query("DELETE FROM recovery_codes WHERE user_id = $1", {user_id})); !removed) {
    return removed;
  }
  for (const auto& hash : code_hashes) {
    auto added = done(
        connection_.query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)", {user_id, hash}));
    if (!added) return added;
  }
  return {};
}

Result<bool> SqlIdentityWriter::use_recovery_code(std::int64_t user_id, const std::string& code_hash, TimePoint at) {
  auto rows = connection_.query(
      "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL RETURNING 1",
      {format_utc(at), user_id, code_hash});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<std::int64_t> SqlIdentityWriter::create_api_key(const di::ApiKey& key) {
  auto rows = connection_.query(
      "INSERT INTO api_keys (prefix, secret_hash, name, unit_code, scopes, created_by, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {key.prefix, key.secret_hash, key.name, key.unit_code, join_scopes(key.scopes),
       key.created_by ? SqlValue(key.created_by) : SqlValue(std::monostate{}), format_utc(key.created_at),
       format_utc(key.expires_at)});
  if (!rows) return rows.error();
  return int_at(rows->rows.at(0), 0);
}

Result<void> SqlIdentityWriter::revoke_api_key(std::int64_t id, TimePoint at) {
  auto rows = connection_.query("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING 1",
                                {format_utc(at), id});
  if (!rows) return rows.error();
  if (rows->empty()) {
    return Error(ErrorCode::not_found, Text{"Tidak ada kunci API aktif dengan nomor itu.", "No active API key has that id."});
  }
  return {};
}

}  // namespace sigap::storage::sql
