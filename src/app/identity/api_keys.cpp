#include "app/identity/api_keys.hpp"

#include "app/audit/record_audit.hpp"
#include "crypto/hashing.hpp"
#include "crypto/random.hpp"

namespace sigap::app::identity {

namespace {

constexpr std::string_view kPrefixAlphabet = "abcdefghjkmnpqrstvwxyz0123456789";
constexpr std::size_t kPrefixLength = 8;

}  // namespace

std::optional<ApiKeyParts> parse_api_key(std::string_view text) {
  if (!text.starts_with("sgp_")) return std::nullopt;
  text.remove_prefix(4);
  auto underscore = text.find('_');
  if (underscore != kPrefixLength || text.size() < kPrefixLength + 2) return std::nullopt;
  return ApiKeyParts{std::string(text.substr(0, underscore)), std::string(text.substr(underscore + 1))};
}

Result<CreatedApiKey> create_api_key(ports::Storage& storage, const Clock& clock, const NewApiKey& request,
                                     const std::string& by) {
  std::vector<FieldError> problems;
  if (request.name.empty() || request.name.size() > 100) {
    problems.push_back({"name", Text{"Nama wajib diisi (paling banyak 100 karakter).",
                                     "A name is required (at most 100 characters)."}});
  }
  if (request.scopes.empty()) {
    problems.push_back({"scopes", Text{"Pilih paling sedikit satu izin.", "Choose at least one scope."}});
  }
  for (auto scope : request.scopes) {
    if (scope == domain::access::Action::public_read || scope == domain::access::Action::read_own_account) {
      problems.push_back({"scopes", Text{"Izin ini tidak perlu diberikan.", "This scope needs no grant."}});
      continue;
    }
    // A scope is only worth granting when the policy lets an integrator key of this unit use it.
    domain::access::Actor probe;
    probe.kind = domain::access::ActorKind::api_client;
    probe.memberships = {{request.unit_code, domain::access::Role::integrator}};
    probe.scopes = {scope};
    if (domain::access::can(probe, scope) != domain::access::Decision::allow) {
      auto name = std::string(domain::access::to_string(scope));
      problems.push_back({"scopes", Text{"Kunci API tidak dapat memegang izin " + name + ".",
                                         "An API key cannot hold the scope " + name + "."}});
    }
  }
  auto unit = storage.units().find_by_code(request.unit_code);
  if (!unit) return unit.error();
  if (!unit->has_value()) problems.push_back({"unit", Text{"Unit tidak ditemukan.", "No such unit."}});
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Kunci API tidak dapat dibuat.", "The API key cannot be created."},
                 std::move(problems));
  }
  auto now = clock.now();
  CreatedApiKey created;
  auto secret = crypto::random_token(32);
  created.key.prefix = crypto::random_string(kPrefixLength, kPrefixAlphabet);
  created.key.secret_hash = crypto::sha256_hex(secret);
  created.key.name = request.name;
  created.key.unit_code = request.unit_code;
  created.key.scopes = request.scopes;
  created.key.created_at = now;
  created.key.expires_at = now + request.lifetime;
  created.token = "sgp_" + created.key.prefix + "_" + secret;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    auto id = tx.identity().create_api_key(created.key);
    if (!id) return id.error();
    created.key.id = *id;
    auto audited = audit::record_audit(tx, {now, by, "apikey.created", "apikey:" + std::to_string(*id),
                                            request.name + " @ " + request.unit_code, ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return created;
}

Result<void> revoke_api_key(ports::Storage& storage, const Clock& clock, std::int64_t id, const std::string& by) {
  auto now = clock.now();
  return storage.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto revoked = tx.identity().revoke_api_key(id, now); !revoked) return revoked;
    auto audited = audit::record_audit(tx, {now, by, "apikey.revoked", "apikey:" + std::to_string(id), "", ""});
    if (!audited) return audited.error();
    return {};
  });
}

}  // namespace sigap::app::identity
