// multipart/form-data as complaint intake and the photo uploads receive it (http/multipart,
// http/photo_form): the Content-Type header's boundary, then the body framed by it.
// Input: the Content-Type value, a line feed, then the body.
// Invariants: the parts respect MultipartLimits and every part has a name; a form read by
// read_photo_form leaves no photo stored when it is refused, and holds every photo part when
// it is taken.
#include <map>
#include <string>

#include "fuzz/fuzz_check.hpp"
#include "http/multipart.hpp"
#include "http/photo_form.hpp"

namespace http = sigap::http;

namespace {

// A photo store in memory: takes any bytes but those starting with "BAD" (so the refusal path
// runs too) and remembers what is stored, so the target can see that a refused form leaves
// nothing behind.
class MemoryPhotoStore final : public sigap::app::ports::PhotoStore {
 public:
  sigap::Result<sigap::app::ports::StoredPhoto> store(std::string_view bytes) override {
    if (bytes.starts_with("BAD")) {
      return sigap::Error(sigap::ErrorCode::validation, sigap::Text{"Foto rusak.", "The photo is broken."});
    }
    sigap::app::ports::StoredPhoto photo;
    photo.digest = std::to_string(next_++);
    photo.thumbnail_digest = photo.digest + "t";
    stored_.emplace(photo.digest, std::string(bytes));
    return photo;
  }
  void discard(const std::vector<sigap::app::ports::StoredPhoto>& photos) override {
    for (const auto& photo : photos) stored_.erase(photo.digest);
  }
  sigap::Result<std::string> read(std::string_view digest) override {
    auto found = stored_.find(std::string(digest));
    if (found == stored_.end()) return sigap::Error(sigap::ErrorCode::not_found, sigap::Text{"-", "-"});
    return found->second;
  }
  [[nodiscard]] std::size_t size() const { return stored_.size(); }

 private:
  std::map<std::string, std::string> stored_;
  int next_ = 1;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto input = sigap::fuzz::as_text(data, size);
  auto newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  auto content_type = input.substr(0, newline);
  auto body = input.substr(newline + 1);

  auto boundary = http::multipart_boundary(content_type);
  if (!boundary) return 0;
  FUZZ_CHECK(!boundary->empty() && boundary->size() <= 70 && boundary->back() != ' ');

  http::MultipartLimits limits;
  auto parts = http::parse_multipart(body, *boundary, limits);
  std::size_t photo_parts = 0;
  if (parts) {
    FUZZ_CHECK(parts->size() <= limits.max_parts);
    std::size_t files = 0;
    for (const auto& part : *parts) {
      FUZZ_CHECK(!part.name.empty());
      FUZZ_CHECK(!part.content_type.empty());
      if (part.filename) {
        ++files;
        FUZZ_CHECK(part.body.size() <= limits.max_file_bytes);
        if (part.name == "photos") ++photo_parts;
      } else {
        FUZZ_CHECK(part.body.size() <= limits.max_field_bytes);
      }
      FUZZ_CHECK(body.find(part.body) != std::string_view::npos);
    }
    FUZZ_CHECK(files <= limits.max_files);
  } else {
    FUZZ_CHECK(!parts.error().message().en.empty() && !parts.error().message().id.empty());
  }

  // The reporter's extra photos: text parts "message", file parts "photos".
  http::Request request;
  request.method = "POST";
  request.headers.emplace_back("content-type", std::string(content_type));
  request.body = std::string(body);
  MemoryPhotoStore store;
  auto form = http::read_photo_form(request, &store, {"message"});
  if (form) {
    FUZZ_CHECK(static_cast<bool>(parts));
    FUZZ_CHECK(form->photos.size() == photo_parts && store.size() == photo_parts);
    for (const auto& [name, value] : form->fields) FUZZ_CHECK(name == "message");
  } else {
    FUZZ_CHECK(store.size() == 0);
  }
  return 0;
}
