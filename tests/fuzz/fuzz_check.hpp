#pragma once
// What every fuzz target includes: the libFuzzer entry point and a check that stops the run on a
// broken invariant (a crash libFuzzer saves as a crasher; in the replay build, a failed test).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace sigap::fuzz {

[[noreturn]] inline void invariant_broken(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n", file, line, what);
  std::abort();
}

/// The input as text (parsers of outside input take bytes as a string_view).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace sigap::fuzz

/// Like assert, but on in every build: a fuzz target's invariants are what it is there to check.
#define FUZZ_CHECK(condition) \
  ((condition) ? static_cast<void>(0) : ::sigap::fuzz::invariant_broken(#condition, __FILE__, __LINE__))
