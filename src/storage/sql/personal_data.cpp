#include "storage/sql/personal_data.hpp"

#include "crypto/blind_index.hpp"
#include "crypto/hashing.hpp"
#include "crypto/sealed.hpp"

namespace sigap::storage::sql {

Result<std::shared_ptr<const PersonalDataSealer>> PersonalDataSealer::create(
    std::shared_ptr<const crypto::Keyring> keyring) {
  const auto* first = keyring ? keyring->find(1) : nullptr;
  if (!first) {
    return Error(ErrorCode::unavailable, Text{"Kunci data nomor 1 tidak ada di keyring.",
                                              "The data keyring has no key 1 (it keys the blind index)."});
  }
  std::string key(reinterpret_cast<const char*>(first->data()), first->size());
  auto index_key = crypto::hmac_sha256_hex(key, "sigap blind index v1");
  return std::shared_ptr<const PersonalDataSealer>(new PersonalDataSealer(std::move(keyring), std::move(index_key)));
}

std::string PersonalDataSealer::seal(std::string_view plaintext) const { return crypto::seal(*keyring_, plaintext); }

Result<std::string> PersonalDataSealer::open(std::string_view sealed) const { return crypto::open(*keyring_, sealed); }

bool PersonalDataSealer::is_current(std::string_view sealed) const {
  return crypto::sealed_with_current(*keyring_, sealed);
}

std::string PersonalDataSealer::index(std::string_view normalized) const {
  return crypto::blind_index(index_key_, normalized);
}

}  // namespace sigap::storage::sql
