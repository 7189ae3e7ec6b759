#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::app::ports {

/// A photo as kept: re-encoded without any metadata, stored by content digest with a thumbnail.
struct StoredPhoto {
  std::string digest;
  std::string thumbnail_digest;
  int width = 0;
  int height = 0;
  std::optional<domain::master_data::GeoPoint> gps;  // read from EXIF before it was stripped
  bool newly_stored = false;            // false when identical bytes were already in the store
  bool thumbnail_newly_stored = false;
};

/// Checks, re-encodes and stores uploaded photos (implemented over libvips and a
/// content-addressed directory, src/media). Thread-safe.
class PhotoStore {
 public:
  virtual ~PhotoStore() = default;
  /// Refuses what is not a JPEG, PNG or WebP by its bytes (`unsupported_media_type`), what is
  /// too large (`payload_too_large`), truncated or corrupt (`validation`), each naming "photos".
  virtual Result<StoredPhoto> store(std::string_view bytes) = 0;
  /// Removes blobs stored for a request that then failed, so nothing is left behind.
  virtual void discard(const std::vector<StoredPhoto>& photos) = 0;
  virtual Result<std::string> read(std::string_view digest) = 0;
};

}  // namespace sigap::app::ports
