#include "app/identity/random_password.hpp"

#include <string_view>

#include "crypto/random.hpp"

namespace sigap::app::identity {

namespace {

// No 0/O/o, 1/l/I, or 5/S look-alikes: the password is read off a screen and typed.
constexpr std::string_view kAlphabet = "abcdefghijkmnpqrtuvwxyzABCDEFGHJKLMNPQRTUVWXYZ2346789";
constexpr std::size_t kGroups = 5;
constexpr std::size_t kGroupLength = 4;

}  // namespace

std::string random_password() {
  auto characters = crypto::random_string(kGroups * kGroupLength, kAlphabet);
  std::string password;
  for (std::size_t i = 0; i < characters.size(); ++i) {
    if (i > 0 && i % kGroupLength == 0) password += '-';
    password += characters[i];
  }
  return password;
}

}  // namespace sigap::app::identity
