#pragma once

#include <string_view>

namespace sigap::app::identity {

/// data/identity/common-passwords.txt, embedded in the binary at build time
/// (generated common_passwords_file.cpp): one lower-case password per line.
std::string_view common_passwords_txt();

}  // namespace sigap::app::identity
