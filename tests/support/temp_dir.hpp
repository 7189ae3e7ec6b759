#pragma once

#include <cstddef>
#include <filesystem>

namespace sigap::testing {

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// How many files are stored under `root` and its subdirectories, leaving out those in a
/// directory named "tmp" (uploads in flight): what a refused upload must not change.
std::size_t files_under(const std::filesystem::path& root);

}  // namespace sigap::testing
