#include "notify/smtp_email_sender.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include <curl/curl.h>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "notify/curl_runtime.hpp"

namespace sigap::notify {

namespace ports = app::ports;

namespace {

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct Upload {
  std::string_view data;
  std::size_t at = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->at);
  std::memcpy(buffer, upload->data.data() + upload->at, n);
  upload->at += n;
  return n;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A header value without line breaks (nothing may smuggle a header in).
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

std::string encoded_word(std::string_view text) {
  if (is_ascii(text)) return one_line(text);
  return "=?UTF-8?B?" + base64(one_line(text), false) + "?=";
}

// Text with every line ending as CRLF.
std::string crlf(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] == '\n')
      out += "\r\n";
    else
      out += text[i];
  }
  return out;
}

bool plain_address(std::string_view address) {
  return !address.empty() && address.find_first_of("\r\n<> ,;\"") == std::string_view::npos &&
         address.find('@') != std::string_view::npos;
}

}  // namespace

std::string base64(std::string_view data, bool wrap) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t line = 0;
  for (std::size_t i = 0; i < data.size(); i += 3) {
    const std::uint32_t b0 = static_cast<unsigned char>(data[i]);
    const std::uint32_t b1 = i + 1 < data.size() ? static_cast<unsigned char>(data[i + 1]) : 0;
    const std::uint32_t b2 = i + 2 < data.size() ? static_cast<unsigned char>(data[i + 2]) : 0;
    const std::uint32_t triple = (b0 << 16) | (b1 << 8) | b2;
    out += kAlphabet[(triple >> 18) & 63];
    out += kAlphabet[(triple >> 12) & 63];
    out += i + 1 < data.size() ? kAlphabet[(triple >> 6) & 63] : '=';
    out += i + 2 < data.size() ? kAlphabet[triple & 63] : '=';
    line += 4;
    if (wrap && line >= 76) {
      out += "\r\n";
      line = 0;
    }
  }
  if (wrap && line > 0) out += "\r\n";
  return out;
}

std::string email_message(const SmtpOptions& options, const ports::OutgoingMessage& message, TimePoint now) {
  auto domain = options.from.substr(options.from.find('@') == std::string::npos ? 0 : options.from.find('@') + 1);
  std::string out;
  out += fmt::format("Date: {:%a, %d %b %Y %H:%M:%S} +0000\r\n", std::chrono::floor<std::chrono::seconds>(now));
  out += fmt::format("From: {} <{}>\r\n", encoded_word(options.from_name), options.from);
  out += fmt::format("To: <{}>\r\n", message.to);
  out += fmt::format("Subject: {}\r\n", encoded_word(message.subject));
  out += fmt::format("Message-ID: <{}.{}@{}>\r\n", message.reference,
                     std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count(), domain);
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += fmt::format("Content-Language: {}\r\n", message.language == Language::en ? "en" : "id");
  out += "Auto-Submitted: auto-generated\r\n";
  out += "\r\n";
  out += base64(crlf(message.body), true);
  return out;
}

SmtpEmailSender::SmtpEmailSender(SmtpOptions options) : options_(std::move(options)) { ensure_curl(); }

ports::SendOutcome SmtpEmailSender::send(const ports::OutgoingMessage& message) {
  ports::SendOutcome outcome;
  if (!plain_address(message.to)) {
    outcome.permanent = true;
    outcome.error = "the stored e-mail address cannot be used";
    return outcome;
  }
  const auto text = email_message(options_, message, std::chrono::system_clock::now());
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    outcome.error = "cannot start a request";
    return outcome;
  }
  auto* handle = curl.get();
  const auto from = "<" + options_.from + ">";
  const auto to = "<" + message.to + ">";
  std::unique_ptr<curl_slist, ListDeleter> recipients(curl_slist_append(nullptr, to.c_str()));
  Upload upload{text, 0};
  curl_easy_setopt(handle, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(text.size()));
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min<std::int64_t>(options_.timeout.count(), 10000)));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  if (options_.starttls) curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!options_.username.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, options_.username.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, options_.password.c_str());
  }
  const CURLcode result = curl_easy_perform(handle);
  long code = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
  if (result == CURLE_OK) {
    outcome.sent = true;
    return outcome;
  }
  outcome.error = code > 0 ? fmt::format("{} (SMTP {})", curl_easy_strerror(result), code) : curl_easy_strerror(result);
  outcome.permanent = code == 501 || code == 550 || code == 551 || code == 553;
  return outcome;
}

}  // namespace sigap::notify
