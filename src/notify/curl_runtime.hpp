#pragma once

namespace sigap::notify {

/// Initialises libcurl once per process (curl_global_init is not thread-safe; this is, through
/// std::call_once). Every adapter here calls it before its first handle.
void ensure_curl();

}  // namespace sigap::notify
