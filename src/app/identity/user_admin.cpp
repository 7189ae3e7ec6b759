#include "app/identity/user_admin.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "app/audit/record_audit.hpp"
#include "app/identity/common_passwords.hpp"
#include "crypto/password_hash.hpp"
#include "domain/identity/password_policy.hpp"

namespace sigap::app::identity {

namespace da = domain::access;
namespace di = domain::identity;

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool plausible_email(const std::string& email) {
  auto at = email.find('@');
  return email.size() <= 254 && at != std::string::npos && at > 0 && email.find('.', at) != std::string::npos &&
         email.find(' ') == std::string::npos && email.back() != '.';
}

bool plausible_phone(const std::string& phone) {
  std::size_t digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    unsigned char c = phone[i];
    if (std::isdigit(c)) {
      ++digits;
    } else if (!(c == ' ' || c == '-' || (c == '+' && i == 0))) {
      return false;
    }
  }
  return digits >= 8 && digits <= 15;
}

std::string membership_text(const da::Membership& membership) {
  return std::string(da::to_string(membership.role)) + "@" + membership.unit_code;
}

}  // namespace

std::string describe_memberships(const di::User& user) {
  std::string out;
  for (const auto& membership : user.memberships) {
    if (!out.empty()) out += ", ";
    out += membership_text(membership);
  }
  return out;
}

Result<void> UserAdmin::check_unit(const std::string& unit_code, std::string_view field) {
  auto unit = storage_.units().find_by_code(unit_code);
  if (!unit) return unit.error();
  if (!unit->has_value()) {
    return Error(ErrorCode::validation, Text{"Unit tidak ditemukan.", "No such unit."},
                 {FieldError{std::string(field), Text{"Unit " + unit_code + " tidak ada.", "There is no unit " + unit_code + "."}}});
  }
  return {};
}

Result<di::User> UserAdmin::create(const NewUser& request, const std::string& by) {
  std::vector<FieldError> problems;
  auto email = lower(request.email);
  if (!plausible_email(email)) {
    problems.push_back({"email", Text{"Alamat e-mail tidak valid.", "Invalid e-mail address."}});
  }
  if (request.display_name.empty() || request.display_name.size() > 120) {
    problems.push_back({"display_name", Text{"Nama wajib diisi (paling banyak 120 karakter).",
                                             "A name is required (at most 120 characters)."}});
  }
  if (auto policy = di::check_password(request.password, common_passwords(), email); !policy) {
    for (const auto& field : policy.error().fields()) problems.push_back(field);
  }
  if (!request.phone.empty() && !plausible_phone(request.phone)) {
    problems.push_back({"phone", Text{"Nomor telepon 8-15 angka, boleh diawali +.",
                                      "A phone number has 8-15 digits and may start with +."}});
  }
  if (!request.nik.empty() && (request.nik.size() != 16 || !std::all_of(request.nik.begin(), request.nik.end(),
                                                                          [](unsigned char c) { return std::isdigit(c); }))) {
    problems.push_back({"nik", Text{"NIK terdiri dari 16 angka.", "A NIK has 16 digits."}});
  }
  for (std::size_t i = 0; i < request.memberships.size(); ++i) {
    auto field = "memberships[" + std::to_string(i) + "].unit";
    if (auto unit = check_unit(request.memberships[i].unit_code, field); !unit) {
      if (unit.error().fields().empty()) return unit.error();
      problems.push_back(unit.error().fields().front());
    }
  }
  auto existing = storage_.users().find_by_email(email);
  if (!existing) return existing.error();
  if (existing->has_value()) {
    problems.push_back({"email", Text{"E-mail ini sudah dipakai.", "This e-mail is already in use."}});
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Pengguna tidak dapat dibuat.", "The user cannot be created."},
                 std::move(problems));
  }
  auto hash = crypto::hash_password(request.password);
  if (!hash) return hash.error();
  auto now = clock_.now();
  di::User user;
  user.email = email;
  user.display_name = request.display_name;
  user.kind = request.kind;
  user.password_hash = *hash;
  user.created_at = now;
  user.password_changed_at = now;
  user.memberships = request.memberships;
  user.phone = request.phone;
  user.nik = request.nik;
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto id = tx.identity().create_user(user);
    if (!id) return id.error();
    user.id = *id;
    auto audited = audit::record_audit(tx, {now, by, "user.created", "user:" + std::to_string(*id),
                                            describe_memberships(user), ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return user;
}

Result<std::vector<di::User>> UserAdmin::list() { return storage_.users().list(); }

Result<di::User> UserAdmin::find(std::string_view key) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  auto found = ec == std::errc() && end == key.data() + key.size() ? storage_.users().find_by_id(id)
                                                                    : storage_.users().find_by_email(lower(std::string(key)));
  if (!found) return found.error();
  if (!found->has_value()) return Error(ErrorCode::not_found, Text{"Pengguna tidak ditemukan.", "No such user."});
  return std::move(**found);
}

Result<void> UserAdmin::set_disabled(std::int64_t user_id, bool disabled, const std::string& by) {
  auto now = clock_.now();
  return storage_.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto set = tx.identity().set_disabled(user_id, disabled); !set) return set;
    if (disabled) {
      if (auto ended = tx.identity().revoke_user_sessions(user_id, now); !ended) return ended;
    }
    auto audited = audit::record_audit(tx, {now, by, disabled ? "user.disabled" : "user.enabled",
                                            "user:" + std::to_string(user_id), "", ""});
    if (!audited) return audited.error();
    return {};
  });
}

Result<void> UserAdmin::reset_password(std::int64_t user_id, const std::string& password, const std::string& by) {
  auto user = find(std::to_string(user_id));
  if (!user) return user.error();
  if (auto policy = di::check_password(password, common_passwords(), user->email); !policy) return policy.error();
  auto hash = crypto::hash_password(password);
  if (!hash) return hash.error();
  auto now = clock_.now();
  return storage_.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto set = tx.identity().set_password(user_id, *hash, now); !set) return set;
    if (auto ended = tx.identity().revoke_user_sessions(user_id, now); !ended) return ended;
    auto audited = audit::record_audit(tx, {now, by, "user.password_reset", "user:" + std::to_string(user_id), "", ""});
    if (!audited) return audited.error();
    return {};
  });
}

Result<void> UserAdmin::grant(std::int64_t user_id, const da::Membership& membership, const std::string& by) {
  if (auto unit = check_unit(membership.unit_code, "unit"); !unit) return unit;
  auto user = find(std::to_string(user_id));
  if (!user) return user.error();
  auto now = clock_.now();
  return storage_.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto added = tx.identity().add_membership(user_id, membership); !added) return added;
    auto audited = audit::record_audit(tx, {now, by, "user.granted", "user:" + std::to_string(user_id),
                                            membership_text(membership), ""});
    if (!audited) return audited.error();
    return {};
  });
}

Result<void> UserAdmin::revoke(std::int64_t user_id, const da::Membership& membership, const std::string& by) {
  auto user = find(std::to_string(user_id));
  if (!user) return user.error();
  auto now = clock_.now();
  return storage_.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto removed = tx.identity().remove_membership(user_id, membership); !removed) return removed;
    auto audited = audit::record_audit(tx, {now, by, "user.revoked", "user:" + std::to_string(user_id),
                                            membership_text(membership), ""});
    if (!audited) return audited.error();
    return {};
  });
}

}  // namespace sigap::app::identity
