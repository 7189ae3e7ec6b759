#pragma once

#include <filesystem>

#include "app/ports/photo_store.hpp"
#include "media/blob_store.hpp"

namespace sigap::media {

/// app::ports::PhotoStore over process_photo (libvips) and a BlobStore under the data dir.
class MediaPhotoStore final : public app::ports::PhotoStore {
 public:
  static Result<std::unique_ptr<MediaPhotoStore>> open(const std::filesystem::path& root);

  // app::ports::PhotoStore
  Result<app::ports::StoredPhoto> store(std::string_view bytes) override;
  void discard(const std::vector<app::ports::StoredPhoto>& photos) override;
  Result<std::string> read(std::string_view digest) override;

 private:
  explicit MediaPhotoStore(BlobStore blobs) : blobs_(std::move(blobs)) {}
  BlobStore blobs_;
};

}  // namespace sigap::media
