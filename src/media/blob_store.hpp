#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace sigap::media {

/// Files named by the SHA-256 of their content, under one directory (the data dir's "blobs"):
/// `<root>/ab/cd/abcd…` for the digest "abcd…" (64 lower-case hex digits). The same bytes are
/// stored once, whoever puts them. A file appears whole or not at all: it is written to
/// `<root>/tmp/`, flushed to disk, and renamed into place. Directories are created 0700 and
/// files 0600.
///
/// Knows nothing of who may read a blob: callers check access and keep the digests.
/// Thread-safe, and safe with other processes on the same root: its only state is the path.
/// Removing a digest while another caller puts the same bytes may leave it absent; callers
/// that share blobs between records must count references themselves.
class BlobStore {
 public:
  /// Creates `root` and `root/tmp` when missing and clears temporary files that a crashed
  /// writer left there more than an hour ago. An internal error when `root` cannot be created
  /// or written (the data dir is misconfigured).
  static Result<BlobStore> open(std::filesystem::path root);

  /// Stores `bytes` and returns their digest. Putting bytes that are already there writes
  /// nothing and returns the same digest. Durable when it returns. An internal error when the
  /// disk refuses (full, read-only); no partial file is left behind.
  [[nodiscard]] Result<std::string> put(std::string_view bytes) const;

  /// The bytes stored under `digest`. invalid_input when `digest` is not 64 lower-case hex
  /// digits (so nothing like "../" ever reaches the file system), not_found when absent.
  [[nodiscard]] Result<std::string> get(std::string_view digest) const;

  /// Whether `digest` is stored; false for a digest of the wrong shape.
  [[nodiscard]] bool exists(std::string_view digest) const;

  /// Deletes the blob. Removing an absent blob succeeds (so cleaning up after a failed
  /// request can be repeated); invalid_input for a digest of the wrong shape.
  [[nodiscard]] Result<void> remove(std::string_view digest) const;

  /// True for exactly 64 characters of [0-9a-f].
  static bool is_digest(std::string_view digest);

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

 private:
  explicit BlobStore(std::filesystem::path root) : root_(std::move(root)) {}
  [[nodiscard]] std::filesystem::path path_of(std::string_view digest) const;

  std::filesystem::path root_;
};

}  // namespace sigap::media
