#include "cli/malloc_tuning.hpp"

#include <algorithm>
#include <cstdlib>
#include <thread>

#if defined(SIGAP_WITH_JEMALLOC)
#include <jemalloc/jemalloc.h>
#elif defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(SIGAP_WITH_JEMALLOC)
// Read by jemalloc at start: pages left free go back to the system after about a second instead
// of ten, so a burst (a reload of the duplicate index, a large upload) does not linger in the
// resident size.
extern "C" {
// NOLINTNEXTLINE: the name jemalloc looks for
const char* malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";
}
#endif

namespace sigap::cli {

void tune_malloc() {
#if defined(SIGAP_WITH_JEMALLOC)
  // Nothing to tune: see the header.
#elif defined(__GLIBC__)
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) {
    unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    mallopt(M_ARENA_MAX, static_cast<int>(2 * cores));
  }
  if (std::getenv("MALLOC_MMAP_THRESHOLD_") == nullptr) mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

void return_free_memory() {
#if defined(SIGAP_WITH_JEMALLOC)
  // "arena.<all>.purge"; MALLCTL_ARENAS_ALL is 4096.
  static_assert(MALLCTL_ARENAS_ALL == 4096);
  mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
#elif defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace sigap::cli
