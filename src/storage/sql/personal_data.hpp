#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "crypto/keyring.hpp"

namespace sigap::storage::sql {

/// Seals personal data on its way into the database and opens it on its way out, so no
/// repository can store a name, e-mail, phone or NIK in clear by forgetting to. Values that must
/// be looked up (e-mail) also get a blind index: an HMAC under a key derived from key 1 of the
/// ring, which therefore stays in the ring for good (rotation adds keys, never removes one).
/// Thread-safe (immutable after construction).
class PersonalDataSealer {
 public:
  /// `conflict`-free: fails only when the ring has no key 1.
  static Result<std::shared_ptr<const PersonalDataSealer>> create(std::shared_ptr<const crypto::Keyring> keyring);

  [[nodiscard]] std::string seal(std::string_view plaintext) const;
  /// `internal` when the value cannot be opened (unknown key, tampered): never silently empty.
  [[nodiscard]] Result<std::string> open(std::string_view sealed) const;
  [[nodiscard]] bool is_current(std::string_view sealed) const;
  /// The lookup key of a value (already normalised by the caller, e.g. a lower-case e-mail).
  [[nodiscard]] std::string index(std::string_view normalized) const;

 private:
  PersonalDataSealer(std::shared_ptr<const crypto::Keyring> keyring, std::string index_key)
      : keyring_(std::move(keyring)), index_key_(std::move(index_key)) {}

  std::shared_ptr<const crypto::Keyring> keyring_;
  std::string index_key_;
};

}  // namespace sigap::storage::sql
