#include "notify/curl_camera_fetcher.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include <arpa/inet.h>
#include <curl/curl.h>
#include <fmt/format.h>
#include <sys/socket.h>

#include "domain/cameras/jpeg_frame.hpp"
#include "notify/curl_runtime.hpp"
#include "notify/curl_webhook_transport.hpp"

namespace sigap::notify {

namespace di = domain::integration;
namespace dc = domain::cameras;
namespace ports = app::ports;

namespace {

constexpr std::size_t kMaxErrorBody = 64 * 1024;

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// What the body callback keeps while the answer arrives.
struct Reception {
  CURL* handle = nullptr;
  std::size_t max_read = 0;
  std::string buffer;
  std::size_t discarded = 0;  // bytes of answers that were not 2xx (an authentication challenge)
  dc::JpegFrameFinder finder;
  bool too_much = false;
};

std::size_t receive(char* data, std::size_t size, std::size_t count, void* user) {
  auto* reception = static_cast<Reception*>(user);
  const auto bytes = size * count;
  long status = 0;
  curl_easy_getinfo(reception->handle, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) {
    // A 401 before Digest authentication, or an error page: not an image. Read a little of it
    // so that libcurl can go on with the next request of an authentication exchange.
    reception->discarded += bytes;
    return reception->discarded > kMaxErrorBody ? 0 : bytes;
  }
  if (reception->buffer.size() + bytes > reception->max_read) {
    reception->too_much = true;
    return 0;
  }
  reception->buffer.append(data, bytes);
  if (reception->finder.feed(reception->buffer)) return 0;  // the first complete image: stop here
  return bytes;
}

// Refuses to open a socket to anything but the checked address.
curl_socket_t open_pinned(void* user, curlsocktype purpose, curl_sockaddr* address) {
  const auto* pinned = static_cast<const di::IpAddress*>(user);
  if (purpose != CURLSOCKTYPE_IPCXN) return CURL_SOCKET_BAD;
  bool same = false;
  if (address->family == AF_INET && pinned->v4) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&address->addr);
    same = std::memcmp(&in->sin_addr, pinned->bytes.data(), 4) == 0;
  } else if (address->family == AF_INET6 && !pinned->v4) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&address->addr);
    same = std::memcmp(&in6->sin6_addr, pinned->bytes.data(), 16) == 0;
  }
  if (!same) return CURL_SOCKET_BAD;
  return socket(address->family, address->socktype, address->protocol);
}

}  // namespace

CurlCameraFetcher::CurlCameraFetcher(CameraFetcherOptions options) : options_(std::move(options)) { ensure_curl(); }

Result<CurlCameraFetcher::Destination> CurlCameraFetcher::resolve_checked(const std::string& text) const {
  auto url = dc::check_camera_url(text, options_.allow, "snapshot_url");
  if (!url) return url.error();
  std::vector<di::IpAddress> addresses;
  if (url->literal) {
    addresses.push_back(*url->literal);
  } else {
    addresses = resolve_host(url->host);
  }
  if (auto allowed = dc::check_camera_addresses(*url, addresses, options_.allow); !allowed) return allowed.error();
  auto chosen = std::find_if(addresses.begin(), addresses.end(), [](const auto& a) { return a.v4; });
  if (chosen == addresses.end()) chosen = addresses.begin();
  return Destination{std::move(*url), *chosen};
}

Result<void> CurlCameraFetcher::check_destination(const std::string& url) {
  auto destination = resolve_checked(url);
  if (!destination) return destination.error();
  return {};
}

ports::CameraAnswer CurlCameraFetcher::fetch(const ports::CameraRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  ports::CameraAnswer answer;
  auto finish = [&](ports::CameraAnswer out) {
    out.duration = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    return out;
  };
  auto destination = resolve_checked(request.url);
  if (!destination) {
    const auto& error = destination.error();
    if (error.code() == ErrorCode::forbidden) {
      answer.error = "refused: " + error.log_detail();
    } else if (error.code() == ErrorCode::unavailable) {
      answer.error = "host not found";
    } else {
      answer.error = "refused: the URL is not allowed";
    }
    return finish(answer);
  }
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    answer.error = "cannot start a request";
    return finish(answer);
  }
  auto* handle = curl.get();
  const auto& url = destination->url;
  const auto address = di::to_string(destination->address);
  std::unique_ptr<curl_slist, ListDeleter> resolve;
  if (!url.literal) {
    auto entry = fmt::format("{}:{}:{}", url.host, url.port, destination->address.v4 ? address : "[" + address + "]");
    resolve.reset(curl_slist_append(nullptr, entry.c_str()));
    curl_easy_setopt(handle, CURLOPT_RESOLVE, resolve.get());
  }
  di::IpAddress pinned = destination->address;
  Reception reception;
  reception.handle = handle;
  reception.max_read = options_.max_read;

  curl_easy_setopt(handle, CURLOPT_URL, url.text.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_PROXY, "");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "Sigap-Camera-Probe/1.0");
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, open_pinned);
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, &pinned);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, receive);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &reception);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!request.username.empty() || !request.password.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, request.username.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, request.password.c_str());
    curl_easy_setopt(handle, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC | CURLAUTH_DIGEST));
  }

  const CURLcode result = curl_easy_perform(handle);
  if (reception.finder.complete()) {
    answer.ok = true;
    answer.jpeg = reception.buffer.substr(reception.finder.begin(), reception.finder.end() - reception.finder.begin());
    return finish(answer);
  }
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  if (status != 0 && (status < 200 || status >= 300)) {
    answer.error = fmt::format("HTTP {}", status);
  } else if (reception.too_much) {
    answer.error = fmt::format("no complete JPEG image in the first {} bytes", options_.max_read);
  } else if (result != CURLE_OK) {
    answer.error = curl_easy_strerror(result);
  } else {
    answer.error = "no JPEG image in the answer";
  }
  return finish(answer);
}

}  // namespace sigap::notify
