#include "app/complaints/reporter_access.hpp"

#include "crypto/hashing.hpp"
#include "domain/complaints/public_code.hpp"

namespace sigap::app::complaints {

Result<domain::complaints::Complaint> find_by_public_code(ports::Storage& storage, std::string_view typed_code) {
  auto code = domain::complaints::parse_public_code(typed_code, "code");
  if (!code) return code.error();
  auto found = storage.complaints().find_public_by_code(*code);
  if (!found) return found.error();
  if (!found->has_value()) {
    return Error(ErrorCode::not_found, Text{"Tidak ada aduan dengan kode itu.", "No complaint has that code."});
  }
  return std::move(**found);
}

Result<domain::complaints::Complaint> load_as_reporter(ports::Storage& storage, std::string_view typed_code,
                                                       std::string_view secret) {
  auto complaint = find_by_public_code(storage, typed_code);
  if (!complaint) return complaint.error();
  if (secret.empty() ||
      !crypto::constant_time_equal(crypto::sha256_hex(secret), complaint->reporter_secret_hash)) {
    return Error(ErrorCode::forbidden, Text{"Kode rahasia pelapor salah.", "The reporter secret is wrong."});
  }
  return complaint;
}

}  // namespace sigap::app::complaints
