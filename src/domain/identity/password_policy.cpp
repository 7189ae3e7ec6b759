#include "domain/identity/password_policy.hpp"

namespace sigap::domain::identity {

namespace {

/// Code points in UTF-8 text: every byte except continuation bytes (10xxxxxx) starts one.
std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Error rejected(Text why) {
  return Error(ErrorCode::validation,
               Text{"Kata sandi tidak memenuhi syarat.", "The password does not meet the requirements."},
               {FieldError{"password", std::move(why)}});
}

}  // namespace

Result<void> check_password(std::string_view password, const std::unordered_set<std::string>& common_passwords,
                            std::string_view email) {
  const std::size_t length = count_code_points(password);
  if (length < kMinPasswordLength) {
    return rejected(Text{"Kata sandi minimal 10 karakter.", "The password needs at least 10 characters."});
  }
  if (length > kMaxPasswordLength) {
    return rejected(Text{"Kata sandi maksimal 128 karakter.", "The password can have at most 128 characters."});
  }

  const std::string lowered = ascii_lower(password);
  if (common_passwords.contains(lowered)) {
    return rejected(Text{"Kata sandi ini terlalu umum dan mudah ditebak. Pilih kata sandi lain.",
                         "This password is too common and easy to guess. Choose another one."});
  }

  if (!email.empty()) {
    const std::string lowered_email = ascii_lower(email);
    const auto at = lowered_email.rfind('@');
    const std::string_view local_part =
        at == std::string::npos ? std::string_view(lowered_email) : std::string_view(lowered_email).substr(0, at);
    if (lowered == lowered_email || lowered == local_part) {
      return rejected(Text{"Kata sandi tidak boleh sama dengan alamat email.",
                           "The password must not be the same as the e-mail address."});
    }
  }
  return {};
}

}  // namespace sigap::domain::identity
