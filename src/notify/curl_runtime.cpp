#include "notify/curl_runtime.hpp"

#include <mutex>

#include <curl/curl.h>

namespace sigap::notify {

void ensure_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace sigap::notify
