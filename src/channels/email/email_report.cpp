#include "channels/email/email_report.hpp"

#include <memory>
#include <mutex>

#include <gmime/gmime.h>

#include "channels/email/html_to_text.hpp"
#include "channels/email/mail_text.hpp"

namespace sigap::channels::email {

namespace {

constexpr int kMaxDepth = 16;

void start_gmime() {
  static std::once_flag started;
  std::call_once(started, [] { g_mime_init(); });
}

struct Unref {
  void operator()(void* object) const {
    if (object) g_object_unref(object);
  }
};
template <typename T>
using Ref = std::unique_ptr<T, Unref>;

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out;
  for (char c : plain_lines(to_valid_utf8(text))) out += (c == '\n' || c == '\t') ? ' ' : c;
  auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  auto last = out.find_last_not_of(' ');
  return out.substr(first, last - first + 1);
}

// The part's content decoded from its transfer encoding (base64, quoted-printable), as bytes.
std::string decoded_bytes(GMimePart* part) {
  auto* content = g_mime_part_get_content(part);
  if (!content) return "";
  Ref<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, stream.get());
  auto* bytes = g_mime_stream_mem_get_byte_array(reinterpret_cast<GMimeStreamMem*>(stream.get()));
  if (!bytes || bytes->len == 0) return "";
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

std::string latin1_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (char c : bytes) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80) {
      out += c;
    } else {
      out += static_cast<char>(0xC0 | (u >> 6));
      out += static_cast<char>(0x80 | (u & 0x3F));
    }
  }
  return out;
}

bool valid_utf8(std::string_view text) { return to_valid_utf8(text) == text; }

// A text part's content as UTF-8.
std::string text_of(GMimePart* part) {
  auto* type = g_mime_object_get_content_type(GMIME_OBJECT(part));
  const char* charset = type ? g_mime_content_type_get_parameter(type, "charset") : nullptr;
  if (!charset || !*charset) {
    auto raw = decoded_bytes(part);
    return valid_utf8(raw) ? raw : latin1_to_utf8(raw);
  }
  if (!GMIME_IS_TEXT_PART(part)) return to_valid_utf8(decoded_bytes(part));
  char* converted = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
  if (!converted) return "";
  std::string text(converted);
  g_free(converted);
  return to_valid_utf8(text);
}

bool image_name(std::string_view name) {
  auto lowered = lower(name);
  return lowered.ends_with(".jpg") || lowered.ends_with(".jpeg") || lowered.ends_with(".png") ||
         lowered.ends_with(".webp");
}

struct Walk {
  EmailReport& report;
  GMimePart* plain = nullptr;
  GMimePart* html = nullptr;

  void visit(GMimeObject* object, int depth) {
    if (!object || depth > kMaxDepth) return;
    if (GMIME_IS_MULTIPART(object)) {
      auto* multipart = GMIME_MULTIPART(object);
      int count = g_mime_multipart_get_count(multipart);
      for (int i = 0; i < count; ++i) visit(g_mime_multipart_get_part(multipart, i), depth + 1);
      return;
    }
    if (!GMIME_IS_PART(object)) return;  // message/rfc822 and the like: not opened
    auto* part = GMIME_PART(object);
    auto* type = g_mime_object_get_content_type(object);
    if (!type) return;
    std::string media = lower(g_mime_content_type_get_media_type(type) ? g_mime_content_type_get_media_type(type) : "");
    std::string sub = lower(g_mime_content_type_get_media_subtype(type) ? g_mime_content_type_get_media_subtype(type) : "");
    bool attachment = g_mime_part_is_attachment(part);
    if (media == "text" && !attachment) {
      if (sub == "plain" && !plain) plain = part;
      if (sub == "html" && !html) html = part;
      return;
    }
    const char* filename = g_mime_part_get_filename(part);
    bool image = (media == "image" && (sub == "jpeg" || sub == "jpg" || sub == "pjpeg" || sub == "png" || sub == "webp")) ||
                 (media == "application" && sub == "octet-stream" && filename && image_name(filename));
    if (!image) return;
    if (report.images.size() >= kMaxImagesRead) {
      ++report.images_left_out;
      return;
    }
    report.images.push_back({media + "/" + sub, decoded_bytes(part)});
  }
};

bool automatic(GMimeObject* message) {
  if (const char* auto_submitted = g_mime_object_get_header(message, "Auto-Submitted")) {
    auto value = lower(one_line(auto_submitted));
    if (!value.empty() && !value.starts_with("no")) return true;
  }
  if (const char* precedence = g_mime_object_get_header(message, "Precedence")) {
    auto value = lower(one_line(precedence));
    if (value == "bulk" || value == "junk" || value == "list" || value == "auto_reply") return true;
  }
  return g_mime_object_get_header(message, "X-Autoreply") != nullptr ||
         g_mime_object_get_header(message, "X-Autorespond") != nullptr ||
         g_mime_object_get_header(message, "List-Id") != nullptr;
}

}  // namespace

Result<EmailReport> read_email(std::string_view raw) {
  start_gmime();
  auto not_a_message = [] {
    return Error(ErrorCode::invalid_input, Text{"Ini bukan pesan e-mail.", "This is not an e-mail message."});
  };
  if (raw.empty()) return not_a_message();
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  Ref<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!message) return not_a_message();
  auto* object = GMIME_OBJECT(message.get());

  EmailReport report;
  if (const char* id = g_mime_message_get_message_id(message.get())) report.message_id = one_line(id);
  if (const char* subject = g_mime_message_get_subject(message.get())) report.subject = one_line(subject);
  if (auto* from = g_mime_message_get_from(message.get())) {
    int count = internet_address_list_length(from);
    for (int i = 0; i < count; ++i) {
      auto* address = internet_address_list_get_address(from, i);
      if (!INTERNET_ADDRESS_IS_MAILBOX(address)) continue;
      const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
      if (!addr || !*addr) continue;
      report.from_address = one_line(addr);
      if (const char* name = internet_address_get_name(address)) report.from_name = one_line(name);
      break;
    }
  }
  report.automatic = automatic(object);

  Walk walk{report};
  walk.visit(g_mime_message_get_mime_part(message.get()), 0);
  if (walk.plain) {
    report.body = tidy_lines(plain_lines(text_of(walk.plain)));
  } else if (walk.html) {
    report.body = tidy_lines(plain_lines(html_to_text(text_of(walk.html))));
    report.body_from_html = true;
  }
  return report;
}

}  // namespace sigap::channels::email
