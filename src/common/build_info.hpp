#pragma once

#include <string_view>

namespace sigap {

/// The version and build type baked in by CMake (`sigap version`, /metrics build info).
std::string_view build_version();
std::string_view build_type();

}  // namespace sigap
