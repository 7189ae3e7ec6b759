#pragma once

#include <string_view>

namespace sigap::http {

/// api/openapi.yaml as built into the binary (the contract the route table is tested against).
std::string_view openapi_yaml();

}  // namespace sigap::http
