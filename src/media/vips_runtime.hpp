#pragma once

#include "common/error.hpp"

namespace sigap::media {

/// Starts libvips once per process, on first use, whichever thread gets there first (a
/// function-local static: later callers wait for the first and share its outcome). It also sets
/// the process-wide policy every photo relies on:
///  - libvips' warnings (one per damaged tile of a truncated file) go to the application log
///    at debug level instead of stderr;
///  - the operation cache is off: uploads are never processed twice, and a cached operation
///    would keep an upload's memory alive;
///  - every loader is blocked except JPEG, PNG and WebP, so a file can never reach the
///    ImageMagick, SVG, PDF or other loaders whatever its bytes claim.
/// After it, libvips operations may run on any number of threads at once, each on its own
/// images. An internal error (with the reason in its log detail) when libvips cannot start.
Result<void> ensure_vips();

}  // namespace sigap::media
