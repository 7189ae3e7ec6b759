#pragma once

#include <string>

namespace sigap::app::identity {

/// A strong password for an account created without one being chosen (`sigap user add` without
/// --password-stdin, the demo accounts): 20 characters drawn from the OS CSPRNG out of 53 letters
/// and digits that cannot be mistaken for one another (about 114 bits), in groups of four joined
/// by '-', e.g. "Kq7v-3xMz-...". It always passes the password policy. Thread-safe.
std::string random_password();

}  // namespace sigap::app::identity
