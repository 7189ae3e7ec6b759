#include "notify/curl_webhook_transport.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include <arpa/inet.h>
#include <curl/curl.h>
#include <fmt/format.h>
#include <netdb.h>
#include <sys/socket.h>

#include "notify/curl_runtime.hpp"

namespace sigap::notify {

namespace di = domain::integration;
namespace ports = app::ports;

namespace {

constexpr std::size_t kMaxAnswer = 64 * 1024;

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

std::size_t drop_answer(char*, std::size_t size, std::size_t count, void* user) {
  auto* read = static_cast<std::size_t*>(user);
  *read += size * count;
  return *read > kMaxAnswer ? 0 : size * count;  // 0 stops a receiver that talks too much
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

std::vector<di::IpAddress> resolve_host(const std::string& host) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  std::vector<di::IpAddress> addresses;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0) return addresses;
  for (auto* at = found; at; at = at->ai_next) {
    di::IpAddress address;
    if (at->ai_family == AF_INET) {
      address.v4 = true;
      std::memcpy(address.bytes.data(), &reinterpret_cast<const sockaddr_in*>(at->ai_addr)->sin_addr, 4);
    } else if (at->ai_family == AF_INET6) {
      address.v4 = false;
      std::memcpy(address.bytes.data(), &reinterpret_cast<const sockaddr_in6*>(at->ai_addr)->sin6_addr, 16);
    } else {
      continue;
    }
    if (std::find(addresses.begin(), addresses.end(), address) == addresses.end()) addresses.push_back(address);
  }
  freeaddrinfo(found);
  return addresses;
}

CurlWebhookTransport::CurlWebhookTransport(WebhookTransportOptions options) : options_(std::move(options)) {
  ensure_curl();
}

Result<CurlWebhookTransport::Destination> CurlWebhookTransport::resolve_checked(const std::string& text) const {
  auto url = di::check_webhook_url(text, options_.allow, "url");
  if (!url) return url.error();
  std::vector<di::IpAddress> addresses;
  if (url->literal) {
    addresses.push_back(*url->literal);
  } else {
    addresses = resolve_host(url->host);
  }
  if (auto allowed = di::check_resolved(*url, addresses, options_.allow); !allowed) return allowed.error();
  // IPv4 first: the address most receivers answer on.
  auto chosen = std::find_if(addresses.begin(), addresses.end(), [](const auto& a) { return a.v4; });
  if (chosen == addresses.end()) chosen = addresses.begin();
  return Destination{std::move(*url), *chosen};
}

Result<void> CurlWebhookTransport::check_destination(const std::string& url) {
  auto destination = resolve_checked(url);
  if (!destination) return destination.error();
  return {};
}

ports::WebhookResponse CurlWebhookTransport::post(const ports::WebhookRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  ports::WebhookResponse response;
  auto finish = [&](ports::WebhookResponse out) {
    out.duration = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    return out;
  };
  auto destination = resolve_checked(request.url);
  if (!destination) {
    const auto& error = destination.error();
    if (error.code() == ErrorCode::forbidden) {
      response.error = "refused: " + error.log_detail();
    } else if (error.code() == ErrorCode::unavailable) {
      response.error = "host not found";
    } else {
      response.error = "refused: the URL is not allowed";
    }
    return finish(response);
  }
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    response.error = "cannot start a request";
    return finish(response);
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
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
  headers = curl_slist_append(headers, "Expect:");
  std::unique_ptr<curl_slist, ListDeleter> header_list(headers);
  di::IpAddress pinned = destination->address;
  std::size_t answered = 0;

  curl_easy_setopt(handle, CURLOPT_URL, url.text.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_PROXY, "");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_POST, 1L);
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "Sigap-Webhook/1.0");
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, open_pinned);
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, &pinned);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, drop_answer);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &answered);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);

  const CURLcode result = curl_easy_perform(handle);
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  if (result != CURLE_OK && !(result == CURLE_WRITE_ERROR && status > 0)) {
    response.error = curl_easy_strerror(result);
    if (status == 0) response.status = 0;
  }
  return finish(response);
}

}  // namespace sigap::notify
