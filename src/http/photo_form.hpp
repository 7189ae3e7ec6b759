#pragma once
// A multipart form of a few text fields and up to five photos, as photo uploads after intake
// send it (the reporter's extra photos, the unit's "after" photo).

#include <map>
#include <string>
#include <vector>

#include "app/ports/photo_store.hpp"
#include "common/error.hpp"
#include "http/message.hpp"

namespace sigap::http {

struct PhotoForm {
  std::map<std::string, std::string, std::less<>> fields;  // the text parts, by name
  std::vector<app::ports::StoredPhoto> photos;             // checked, re-encoded and stored
};

/// Reads a multipart/form-data request whose file parts are named "photos" and whose text parts
/// are among `field_names`; stores each photo through `store`. Anything else is refused with a
/// problem naming the part: another content type (415), an unknown part, a truncated form, a
/// photo that is not JPEG, PNG or WebP, too many or too large. On any error the photos stored so
/// far are discarded again, so a refused upload leaves nothing behind. A null `store` refuses
/// photos (415).
Result<PhotoForm> read_photo_form(const Request& request, app::ports::PhotoStore* store,
                                  const std::vector<std::string>& field_names);

}  // namespace sigap::http
