#include "support/temp_dir.hpp"

#include <stdexcept>
#include <string>

#include <unistd.h>

namespace sigap::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "sigap-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::size_t files_under(const std::filesystem::path& root) {
  std::size_t count = 0;
  std::error_code ec;
  if (!std::filesystem::exists(root, ec)) return 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (entry.is_regular_file() && entry.path().parent_path().filename() != "tmp") ++count;
  }
  return count;
}

}  // namespace sigap::testing
