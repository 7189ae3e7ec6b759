#include "app/complaints/new_public_code.hpp"

#include "crypto/random.hpp"
#include "domain/complaints/public_code.hpp"

namespace sigap::app::complaints {

std::string new_public_code() {
  namespace dc = domain::complaints;
  return dc::format_public_code(crypto::random_string(dc::kPublicCodeRandomSymbols, dc::kPublicCodeAlphabet));
}

}  // namespace sigap::app::complaints
