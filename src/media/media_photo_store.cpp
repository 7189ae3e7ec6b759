#include "media/media_photo_store.hpp"

#include "crypto/hashing.hpp"
#include "media/photo_processor.hpp"

namespace sigap::media {

Result<std::unique_ptr<MediaPhotoStore>> MediaPhotoStore::open(const std::filesystem::path& root) {
  auto blobs = BlobStore::open(root);
  if (!blobs) return blobs.error();
  return std::unique_ptr<MediaPhotoStore>(new MediaPhotoStore(std::move(*blobs)));
}

Result<app::ports::StoredPhoto> MediaPhotoStore::store(std::string_view bytes) {
  auto processed = process_photo(bytes);
  if (!processed) return processed.error();
  app::ports::StoredPhoto stored;
  stored.width = processed->width;
  stored.height = processed->height;
  if (processed->gps) stored.gps = domain::master_data::GeoPoint{processed->gps->latitude, processed->gps->longitude};
  // Identical bytes may already belong to another case: only what this call added is discarded.
  stored.newly_stored = !blobs_.exists(crypto::sha256_hex(processed->jpeg));
  stored.thumbnail_newly_stored = !blobs_.exists(crypto::sha256_hex(processed->thumbnail));
  auto photo = blobs_.put(processed->jpeg);
  if (!photo) return photo.error();
  auto thumbnail = blobs_.put(processed->thumbnail);
  if (!thumbnail) return thumbnail.error();
  stored.digest = *photo;
  stored.thumbnail_digest = *thumbnail;
  return stored;
}

void MediaPhotoStore::discard(const std::vector<app::ports::StoredPhoto>& photos) {
  for (const auto& photo : photos) {
    if (photo.newly_stored) (void)blobs_.remove(photo.digest);
    if (photo.thumbnail_newly_stored) (void)blobs_.remove(photo.thumbnail_digest);
  }
}

Result<std::string> MediaPhotoStore::read(std::string_view digest) { return blobs_.get(digest); }

}  // namespace sigap::media
