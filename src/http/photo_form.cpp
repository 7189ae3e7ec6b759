#include "http/photo_form.hpp"

#include <algorithm>

#include "http/multipart.hpp"

namespace sigap::http {

Result<PhotoForm> read_photo_form(const Request& request, app::ports::PhotoStore* store,
                                  const std::vector<std::string>& field_names) {
  auto boundary = multipart_boundary(request.header("content-type").value_or(""));
  if (!boundary) {
    return Error(ErrorCode::unsupported_media_type,
                 Text{"Kirim foto sebagai multipart/form-data.", "Send photos as multipart/form-data."});
  }
  if (!store) {
    return Error(ErrorCode::unsupported_media_type,
                 Text{"Server ini belum menerima foto.", "This server does not take photos."});
  }
  auto parts = parse_multipart(request.body, *boundary, MultipartLimits{});
  if (!parts) return parts.error();
  PhotoForm form;
  auto fail = [&](Error error) -> Result<PhotoForm> {
    store->discard(form.photos);
    return error;
  };
  for (const auto& part : *parts) {
    if (part.name == "photos" && part.filename) continue;
    if (part.filename || std::find(field_names.begin(), field_names.end(), part.name) == field_names.end()) {
      return fail(Error(ErrorCode::validation, Text{"Formulir tidak sesuai.", "The form does not fit."},
                        {FieldError{part.name, Text{"Bagian formulir tidak dikenal.", "Unknown form part."}}}));
    }
    form.fields[part.name] = part.body;
  }
  for (const auto& part : *parts) {
    if (part.name != "photos" || !part.filename) continue;
    auto photo = store->store(part.body);
    if (!photo) return fail(photo.error());
    form.photos.push_back(std::move(*photo));
  }
  return form;
}

}  // namespace sigap::http
