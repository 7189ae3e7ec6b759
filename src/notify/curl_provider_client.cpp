#include "notify/curl_provider_client.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include <arpa/inet.h>
#include <curl/curl.h>
#include <fmt/format.h>
#include <sys/socket.h>

#include "notify/curl_runtime.hpp"
#include "notify/curl_webhook_transport.hpp"

namespace sigap::notify {

namespace di = domain::integration;
namespace ports = app::ports;

namespace {

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct Answer {
  std::string body;
  std::size_t limit = 0;
  bool cut = false;
};

std::size_t keep_answer(char* data, std::size_t size, std::size_t count, void* user) {
  auto* answer = static_cast<Answer*>(user);
  const auto bytes = size * count;
  if (answer->body.size() + bytes > answer->limit) {
    answer->cut = true;
    return 0;  // stops the transfer
  }
  answer->body.append(data, bytes);
  return bytes;
}

// Refuses to open a socket to anything but the checked address (as the webhook transport).
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

CurlProviderClient::CurlProviderClient(ProviderClientOptions options) : options_(std::move(options)) { ensure_curl(); }

ports::ProviderResponse CurlProviderClient::send(const ports::ProviderRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  ports::ProviderResponse response;
  auto finish = [&](ports::ProviderResponse out) {
    out.duration = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    return out;
  };
  auto url = di::check_webhook_url(request.url, options_.allow, "url");
  if (!url) {
    response.error = "refused: the URL is not allowed";
    return finish(response);
  }
  std::vector<di::IpAddress> addresses;
  if (url->literal) {
    addresses.push_back(*url->literal);
  } else {
    addresses = resolve_host(url->host);
  }
  if (addresses.empty()) {
    response.error = "host not found";
    return finish(response);
  }
  if (auto allowed = di::check_resolved(*url, addresses, options_.allow); !allowed) {
    response.error = "refused: " + allowed.error().log_detail();
    return finish(response);
  }
  auto chosen = std::find_if(addresses.begin(), addresses.end(), [](const auto& a) { return a.v4; });
  if (chosen == addresses.end()) chosen = addresses.begin();
  di::IpAddress pinned = *chosen;

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    response.error = "cannot start a request";
    return finish(response);
  }
  auto* handle = curl.get();
  std::unique_ptr<curl_slist, ListDeleter> resolve;
  if (!url->literal) {
    const auto address = di::to_string(pinned);
    auto entry = fmt::format("{}:{}:{}", url->host, url->port, pinned.v4 ? address : "[" + address + "]");
    resolve.reset(curl_slist_append(nullptr, entry.c_str()));
    curl_easy_setopt(handle, CURLOPT_RESOLVE, resolve.get());
  }
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
  headers = curl_slist_append(headers, "Expect:");
  std::unique_ptr<curl_slist, ListDeleter> header_list(headers);
  Answer answer;
  answer.limit = request.max_answer;

  curl_easy_setopt(handle, CURLOPT_URL, url->text.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_PROXY, "");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  if (request.method == "POST") {
    curl_easy_setopt(handle, CURLOPT_POST, 1L);
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  } else {
    curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
  }
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "Sigap/1.0");
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, open_pinned);
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, &pinned);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, keep_answer);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);

  const CURLcode result = curl_easy_perform(handle);
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  char* content_type = nullptr;
  curl_easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &content_type);
  if (content_type) response.content_type = content_type;
  response.status = static_cast<int>(status);
  if (answer.cut) {
    response.error = fmt::format("the answer is larger than {} bytes", request.max_answer);
  } else if (result != CURLE_OK) {
    response.error = curl_easy_strerror(result);
    if (status == 0) response.status = 0;
  }
  response.body = std::move(answer.body);
  return finish(response);
}

}  // namespace sigap::notify
