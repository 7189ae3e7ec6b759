#pragma once

#include <memory>

#include "crypto/keyring.hpp"

namespace sigap::testing {

/// A fresh data keyring for a test database (keep it to reopen the same database).
inline std::shared_ptr<const crypto::Keyring> test_keyring() {
  return std::make_shared<const crypto::Keyring>(crypto::Keyring::generate());
}

}  // namespace sigap::testing
