#include "storage/backup_file.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sigap::storage {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
constexpr std::string_view kPgDumpMagic = "PGDMP";

Error io_failure(std::string_view what, const fs::path& path, int error_number) {
  return Error(
      ErrorCode::internal,
      Text{fmt::format("Cadangan tidak dapat ditulis: {} {}: {}", what, path.string(), std::strerror(error_number)),
           fmt::format("cannot write the backup: {} {}: {}", what, path.string(), std::strerror(error_number))});
}

}  // namespace

Result<BackupFileKind> backup_file_kind(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Error(ErrorCode::not_found, Text{fmt::format("Berkas cadangan {} tidak ada.", path.string()),
                                            fmt::format("there is no backup file {}", path.string())});
  }
  std::ifstream in(path, std::ios::binary);
  std::array<char, 16> head{};
  if (!in) {
    return Error(ErrorCode::unavailable, Text{fmt::format("Berkas cadangan {} tidak dapat dibaca.", path.string()),
                                              fmt::format("cannot read the backup file {}", path.string())});
  }
  in.read(head.data(), head.size());
  std::string_view bytes(head.data(), static_cast<std::size_t>(in.gcount()));
  if (bytes == kSqliteMagic) return BackupFileKind::sqlite;
  if (bytes.starts_with(kPgDumpMagic)) return BackupFileKind::postgres;
  return BackupFileKind::other;
}

Result<std::unique_ptr<PendingBackupFile>> PendingBackupFile::create(const fs::path& target, bool replace) {
  std::error_code ec;
  auto directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(directory, ec)) {
    return Error(ErrorCode::not_found, Text{fmt::format("Direktori {} tidak ada.", directory.string()),
                                            fmt::format("the directory {} does not exist", directory.string())});
  }
  if (fs::is_directory(target, ec)) {
    return Error(ErrorCode::conflict, Text{fmt::format("{} adalah direktori; sebutkan nama berkas.", target.string()),
                                           fmt::format("{} is a directory; name a file", target.string())});
  }
  if (!replace && fs::exists(target, ec)) {
    return Error(
        ErrorCode::conflict,
        Text{fmt::format("{} sudah ada; pilih nama lain atau tambahkan --force untuk menimpanya.", target.string()),
             fmt::format("{} already exists; choose another name or add --force to replace it", target.string())});
  }
  // mkostemp creates the file with mode 0600 whatever the umask.
  // (fmt, not "." + name: GCC 12 at -O3 reports a false overflow in that operator+.)
  std::string pattern = (directory / fmt::format(".{}.partial-XXXXXX", target.filename().string())).string();
  int fd = mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    int error_number = errno;
    return Error(ErrorCode::unavailable, Text{fmt::format("Berkas sementara di {} tidak dapat dibuat: {}",
                                                          directory.string(), std::strerror(error_number)),
                                              fmt::format("cannot create a temporary file in {}: {}",
                                                          directory.string(), std::strerror(error_number))});
  }
  return std::unique_ptr<PendingBackupFile>(new PendingBackupFile(target, fs::path(pattern), fd, replace));
}

PendingBackupFile::~PendingBackupFile() {
  if (fd_ >= 0) close(fd_);
  if (!committed_) {
    std::error_code ec;
    fs::remove(path_, ec);
  }
}

Result<std::uintmax_t> PendingBackupFile::commit() {
  if (fsync(fd_) != 0) return io_failure("fsync", path_, errno);
  if (fchmod(fd_, S_IRUSR | S_IWUSR) != 0) return io_failure("chmod 600", path_, errno);
  struct stat status {};
  if (fstat(fd_, &status) != 0) return io_failure("stat", path_, errno);
  close(fd_);
  fd_ = -1;
  if (replace_) {
    if (std::rename(path_.c_str(), target_.c_str()) != 0) return io_failure("rename to", target_, errno);
  } else {
    // link() refuses an existing target: a file that appeared meanwhile is not replaced.
    if (link(path_.c_str(), target_.c_str()) != 0) {
      int error_number = errno;
      if (error_number == EEXIST) {
        return Error(ErrorCode::conflict,
                     Text{fmt::format("{} muncul selama pencadangan; tidak ditimpa.", target_.string()),
                          fmt::format("{} appeared during the backup; it was not replaced", target_.string())});
      }
      return io_failure("link to", target_, error_number);
    }
    std::error_code ec;
    fs::remove(path_, ec);
  }
  committed_ = true;
  auto directory = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  if (int dir = open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    fsync(dir);
    close(dir);
  }
  return static_cast<std::uintmax_t>(status.st_size);
}

}  // namespace sigap::storage
