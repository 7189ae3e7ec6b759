#pragma once

#include <chrono>

namespace sigap::cli {

/// The allocator, tuned for a server that runs for months. Release builds link jemalloc, which
/// needs no tuning here: it keeps a few arenas per core and returns what stays free for 10 s by
/// itself; against glibc it cost 15 % less CPU per intake (bench/README.md). Builds with
/// sanitizers use theirs. What follows is for glibc's malloc, where neither is linked.
///
/// glibc's malloc (docs/reliability.md, "Soak"). Under
/// a steady load the live heap stays flat while glibc keeps what was freed: in the soak 116 MB
/// held for 50 MB in use, and the resident size climbed minute after minute. Three causes, three
/// settings, applied before the server's threads start:
/// - arenas: glibc gives threads up to 8 per core, and the server has ~90 threads (handler
///   pools, the SQLite writer's waiters, jobs); memory freed in one arena is not reused by
///   threads of another. Two per core keep the allocator's locks uncontended here.
/// - the mmap threshold: glibc raises it to the size of any mapped block freed (up to 32 MiB),
///   after which large buffers (bodies, uploads, list pages) come from the heaps and fragment
///   them. A fixed 256 KiB keeps them mapped and returned whole when freed.
/// Does nothing outside glibc, and leaves each setting alone when its MALLOC_* variable is set.
void tune_malloc();

/// Gives the pages glibc holds free back to the system (malloc_trim): the third setting, run by
/// the server every `kTrimInterval` (it locks one arena at a time, briefly). Under jemalloc it
/// purges its arenas' unused pages at once instead of waiting for their decay.
void return_free_memory();

inline constexpr std::chrono::seconds kTrimInterval{30};

}  // namespace sigap::cli
