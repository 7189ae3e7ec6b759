#include "media/blob_store.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <initializer_list>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/hashing.hpp"

namespace sigap::media {

namespace {

constexpr std::string_view kTempDir = "tmp";
constexpr auto kStaleTemp = std::chrono::hours(1);

std::string errno_text(const std::string& what, const std::filesystem::path& path, int error) {
  return what + " " + path.string() + ": " + std::strerror(error);
}

Error invalid_digest() {
  return Error(ErrorCode::invalid_input, Text{"Rujukan berkas tidak valid.", "The file reference is invalid."});
}

// Closes a file descriptor on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  // Closes now, reporting the error close() may carry for a file just written.
  int close() {
    const int status = ::close(fd_);
    fd_ = -1;
    return status;
  }

 private:
  int fd_;
};

// errno, or 0 when the directory's entries are flushed to disk.
int sync_directory(const std::filesystem::path& directory) {
  Fd fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return errno;
  return ::fsync(fd.get()) == 0 ? 0 : errno;
}

// Creates `directory` (whose parent exists) when missing, durably. errno, or 0.
int make_directory(const std::filesystem::path& directory) {
  if (::mkdir(directory.c_str(), 0700) != 0) return errno == EEXIST ? 0 : errno;
  return sync_directory(directory.parent_path());
}

int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

void remove_stale_temporaries(const std::filesystem::path& temp_dir) {
  std::error_code error;
  const auto cutoff = std::filesystem::file_time_type::clock::now() - kStaleTemp;
  for (const auto& entry : std::filesystem::directory_iterator(temp_dir, error)) {
    std::error_code ignored;
    if (entry.is_regular_file(ignored) && entry.last_write_time(ignored) < cutoff) {
      std::filesystem::remove(entry.path(), ignored);
    }
  }
}

}  // namespace

Result<BlobStore> BlobStore::open(std::filesystem::path root) {
  std::error_code error;
  if (std::filesystem::create_directories(root, error)) {
    std::filesystem::permissions(root, std::filesystem::perms::owner_all, error);
  }
  if (error) return Error::internal("cannot create the blob store " + root.string() + ": " + error.message());
  if (const int failed = make_directory(root / kTempDir)) {
    return Error::internal(errno_text("cannot create", root / kTempDir, failed));
  }
  if (::access((root / kTempDir).c_str(), W_OK) != 0) {
    return Error::internal(errno_text("cannot write to", root / kTempDir, errno));
  }
  remove_stale_temporaries(root / kTempDir);
  return BlobStore(std::move(root));
}

bool BlobStore::is_digest(std::string_view digest) {
  if (digest.size() != 64) return false;
  for (const char c : digest) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::filesystem::path BlobStore::path_of(std::string_view digest) const {
  return root_ / std::string(digest.substr(0, 2)) / std::string(digest.substr(2, 2)) / std::string(digest);
}

Result<std::string> BlobStore::put(std::string_view bytes) const {
  std::string digest = crypto::sha256_hex(bytes);
  const auto target = path_of(digest);

  struct stat existing {};
  if (::stat(target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) &&
      static_cast<std::size_t>(existing.st_size) == bytes.size()) {
    return digest;
  }
  for (const auto& directory : {target.parent_path().parent_path(), target.parent_path()}) {
    if (const int failed = make_directory(directory))
      return Error::internal(errno_text("cannot create", directory, failed));
  }

  std::string temp = (root_ / kTempDir / "blob-XXXXXX").string();
  Fd fd(::mkostemp(temp.data(), O_CLOEXEC));  // mode 0600
  if (fd.get() < 0) return Error::internal(errno_text("cannot create a temporary file in", root_ / kTempDir, errno));
  int failed = write_all(fd.get(), bytes);
  if (failed == 0 && ::fsync(fd.get()) != 0) failed = errno;
  if (const int closed = fd.close(); failed == 0 && closed != 0) failed = errno;
  if (failed == 0 && ::rename(temp.c_str(), target.c_str()) != 0) failed = errno;
  if (failed != 0) {
    ::unlink(temp.c_str());
    return Error::internal(errno_text("cannot store", target, failed));
  }
  if (const int unsynced = sync_directory(target.parent_path())) {
    return Error::internal(errno_text("cannot flush", target.parent_path(), unsynced));
  }
  return digest;
}

Result<std::string> BlobStore::get(std::string_view digest) const {
  if (!is_digest(digest)) return invalid_digest();
  const auto path = path_of(digest);
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    if (errno == ENOENT) {
      return Error(ErrorCode::not_found, Text{"Berkas tidak ditemukan.", "The file was not found."});
    }
    return Error::internal(errno_text("cannot open", path, errno));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return Error::internal(errno_text("cannot stat", path, errno));
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t got = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return Error::internal(errno_text("cannot read", path, errno));
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  if (done != bytes.size()) return Error::internal("blob " + path.string() + " shrank while being read");
  return bytes;
}

bool BlobStore::exists(std::string_view digest) const {
  if (!is_digest(digest)) return false;
  struct stat info {};
  return ::stat(path_of(digest).c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

Result<void> BlobStore::remove(std::string_view digest) const {
  if (!is_digest(digest)) return invalid_digest();
  const auto path = path_of(digest);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return Error::internal(errno_text("cannot remove", path, errno));
  return {};
}

}  // namespace sigap::media
