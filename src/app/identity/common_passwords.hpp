#pragma once

#include <string>
#include <unordered_set>

namespace sigap::app::identity {

/// The well-known passwords new passwords are checked against (domain::identity::check_password):
/// the embedded data/identity/common-passwords.txt, one entry per non-empty line, trimmed and
/// ASCII lower-cased. Built on first use (thread-safe) and alive for the whole program; the
/// reference never dangles and the set never changes.
const std::unordered_set<std::string>& common_passwords();

}  // namespace sigap::app::identity
