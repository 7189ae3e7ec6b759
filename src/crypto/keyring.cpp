#include "crypto/keyring.hpp"

#include <cassert>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/random.hpp"

namespace sigap::crypto {

static_assert(Keyring::kKeyBytes == crypto_secretbox_KEYBYTES);

namespace fs = std::filesystem;

namespace {

// A key file holds a few lines per key; anything larger is not one.
constexpr std::size_t kMaxFileBytes = 64 * 1024;

constexpr std::string_view kBlank = " \t\r\n";

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kBlank);
  return text.substr(first, last - first + 1);
}

void wipe(std::string& text) { sodium_memzero(text.data(), text.size()); }

// Decodes a 32-byte key written in any base64 flavour into `out`. False (and `out` wiped) when
// `text` is not exactly one key.
bool decode_key(std::string_view text, Keyring::KeyBytes& out) {
  static constexpr int kVariants[] = {sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING,
                                      sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING};
  for (int variant : kVariants) {
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, &end, variant) == 0 &&
        end == text.data() + text.size() && length == out.size()) {
      return true;
    }
  }
  sodium_memzero(out.data(), out.size());
  return false;
}

bool parse_id(std::string_view text, Keyring::KeyId& id) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  return error == std::errc{} && end == text.data() + text.size() && id >= 1 && id <= Keyring::kMaxKeyId;
}

// Splits a trimmed line at its blanks; at most three pieces are kept (three means "too many").
std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  while (!line.empty() && fields.size() < 3) {
    const auto end = line.find_first_of(kBlank);
    fields.push_back(line.substr(0, end));
    line = end == std::string_view::npos ? std::string_view{} : trim(line.substr(end));
  }
  return fields;
}

std::string shell_quoted(const std::string& path) {
  const bool plain = path.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:@") ==
                     std::string::npos;
  if (plain && !path.empty()) return path;
  std::string quoted = "'";
  for (char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

Error invalid_keys(std::vector<FieldError> problems) {
  return Error(ErrorCode::validation, Text{"Daftar kunci data tidak valid.", "The list of data keys is invalid."},
               std::move(problems));
}

Error cannot_read(const fs::path& file, std::string_view what) {
  return Error(ErrorCode::unavailable, Text{"Berkas kunci " + file.string() + " tidak dapat dibaca.",
                                            "Cannot read the key file " + file.string() + "."})
      .with_log_detail(fmt::format("{} {}: {}", what, file.string(), std::strerror(errno)));
}

Error too_large(const fs::path& file) {
  return Error(ErrorCode::validation, Text{"Berkas kunci " + file.string() + " terlalu besar untuk berkas kunci.",
                                           "The key file " + file.string() + " is too large to be a key file."});
}

Error cannot_write(const fs::path& file, std::string_view what, const std::string& reason) {
  return Error(ErrorCode::unavailable, Text{"Berkas kunci " + file.string() + " tidak dapat ditulis.",
                                            "Cannot write the key file " + file.string() + "."})
      .with_log_detail(fmt::format("{} {}: {}", what, file.string(), reason));
}

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  // Closes now and reports whether close succeeded (it can report a late write error).
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

// Makes a rename or link of `file` durable by syncing the directory that holds it. Some file systems cannot sync a
// directory (EINVAL); there is nothing more to do on those.
Result<void> sync_directory(const fs::path& file) {
  const fs::path directory = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return cannot_write(file, "open directory", std::strerror(errno));
  if (::fsync(fd.get()) != 0 && errno != EINVAL) return cannot_write(file, "fsync directory", std::strerror(errno));
  return {};
}

// Writes `text` to a new file beside `file` (mode 0600), synced to disk; returns its path.
Result<std::string> write_temporary(const fs::path& file, std::string_view text) {
  std::string temporary = file.string() + ".XXXXXX";
  FileDescriptor fd(::mkostemp(temporary.data(), O_CLOEXEC));
  if (fd.get() < 0) return cannot_write(file, "create temporary for", std::strerror(errno));
  bool written = ::fchmod(fd.get(), 0600) == 0;
  for (std::size_t done = 0; written && done < text.size();) {
    const auto wrote = ::write(fd.get(), text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    written = wrote > 0;
    if (written) done += static_cast<std::size_t>(wrote);
  }
  written = written && ::fsync(fd.get()) == 0;
  written = fd.close() && written;
  if (!written) {
    auto error = cannot_write(file, "write temporary for", std::strerror(errno));
    ::unlink(temporary.c_str());
    return error;
  }
  return temporary;
}

Result<Keyring> parse_environment(std::string_view value) {
  const std::string_view trimmed = trim(value);
  // Blanks inside mean the text form; one word is a single key.
  if (trimmed.find_first_of(kBlank) != std::string_view::npos) return Keyring::parse(value, "SIGAP_DATA_KEY");
  std::string line = "1 " + std::string(trimmed);
  auto keyring = Keyring::parse(line);
  wipe(line);
  if (keyring) return keyring;
  return Error(
      ErrorCode::validation, Text{"SIGAP_DATA_KEY tidak valid.", "SIGAP_DATA_KEY is invalid."},
      {FieldError{"SIGAP_DATA_KEY", Text{"Isinya harus satu kunci 32 bita dalam base64, atau daftar kunci bernomor.",
                                         "It must hold one 32-byte key in base64, or a list of numbered keys."}}});
}

Result<Keyring> create_keyring(const fs::path& file);

// Reads `file`; when it does not exist and `may_create`, creates it.
Result<Keyring> read_keyring(const fs::path& file, bool may_create) {
  FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT && may_create) return create_keyring(file);
    return cannot_read(file, "open");
  }
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) return cannot_read(file, "fstat");
  if (!S_ISREG(status.st_mode)) {
    return Error(ErrorCode::validation, Text{"Berkas kunci " + file.string() + " bukan berkas biasa.",
                                             "The key file " + file.string() + " is not a regular file."});
  }
  if ((status.st_mode & 077) != 0) {
    const std::string mode = fmt::format("{:04o}", status.st_mode & 07777);
    const std::string chmod = "chmod 600 " + shell_quoted(file.string());
    return Error(ErrorCode::validation, Text{"Berkas kunci " + file.string() + " dapat diakses pengguna lain (mode " +
                                                 mode + "). Batasi untuk pemiliknya saja: " + chmod,
                                             "The key file " + file.string() + " is accessible to other users (mode " +
                                                 mode + "). Restrict it to its owner: " + chmod});
  }
  if (static_cast<std::uintmax_t>(status.st_size) > kMaxFileBytes) return too_large(file);

  // One buffer, never reallocated, so no copy of a key is left behind in freed memory.
  std::vector<char> buffer(kMaxFileBytes + 1);
  std::size_t length = 0;
  while (length < buffer.size()) {
    const auto got = ::read(fd.get(), buffer.data() + length, buffer.size() - length);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      sodium_memzero(buffer.data(), buffer.size());
      return cannot_read(file, "read");
    }
    if (got == 0) break;
    length += static_cast<std::size_t>(got);
  }
  auto keyring = length > kMaxFileBytes ? Result<Keyring>(too_large(file))
                                        : Keyring::parse(std::string_view(buffer.data(), length), file.string());
  sodium_memzero(buffer.data(), buffer.size());
  if (keyring || keyring.error().code() != ErrorCode::validation || keyring.error().fields().empty()) return keyring;
  return Error(
      ErrorCode::validation,
      Text{"Berkas kunci " + file.string() + " tidak valid.", "The key file " + file.string() + " is invalid."},
      keyring.error().fields());
}

Result<Keyring> create_keyring(const fs::path& file) {
  const fs::path directory = file.parent_path();
  if (!directory.empty()) {
    std::error_code error;
    if (!fs::exists(directory, error)) {
      if (!fs::create_directories(directory, error) && error) return cannot_write(file, "mkdir for", error.message());
      fs::permissions(directory, fs::perms::owner_all, error);
      if (error) return cannot_write(file, "chmod directory of", error.message());
    }
  }
  Keyring keyring = Keyring::generate();
  std::string text = keyring.serialize();
  auto temporary = write_temporary(file, text);
  wipe(text);
  if (!temporary) return temporary.error();
  // link() fails when `file` exists: only one of several processes starting at once creates it.
  const int linked = ::link(temporary->c_str(), file.c_str());
  const int link_errno = errno;
  ::unlink(temporary->c_str());
  if (linked != 0) {
    if (link_errno == EEXIST) return read_keyring(file, false);
    return cannot_write(file, "link", std::strerror(link_errno));
  }
  if (auto synced = sync_directory(file); !synced) return synced.error();
  return keyring;
}

}  // namespace

// --- Keyring ------------------------------------------------------------------------------------

Keyring::Key::~Key() { sodium_memzero(bytes.data(), bytes.size()); }

Keyring::Key Keyring::fresh_key(KeyId id) {
  ensure_sodium();
  Key key;
  key.id = id;
  crypto_secretbox_keygen(key.bytes.data());
  return key;
}

Result<Keyring> Keyring::parse(std::string_view text, std::string_view source) {
  Keyring keyring;
  std::vector<FieldError> problems;
  std::size_t number = 0;
  while (!text.empty()) {
    ++number;
    const auto end = text.find('\n');
    const std::string_view line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;

    auto problem = [&](Text message) {
      problems.push_back(FieldError{
          source.empty() ? fmt::format("line {}", number) : fmt::format("{}:{}", source, number), std::move(message)});
    };
    const auto fields = split_fields(line);
    Key key;
    if (fields.size() != 2) {
      problem(Text{"Baris harus berisi nomor kunci dan kuncinya (base64), dipisahkan spasi.",
                   "The line must hold a key id and the key (base64), separated by a space."});
    } else if (!parse_id(fields[0], key.id)) {
      problem(Text{fmt::format("Nomor kunci harus bilangan bulat 1 sampai {}.", kMaxKeyId),
                   fmt::format("The key id must be a whole number from 1 to {}.", kMaxKeyId)});
    } else if (!keyring.keys_.empty() && key.id <= keyring.keys_.back().id) {
      problem(Text{"Nomor kunci harus lebih besar daripada nomor kunci sebelumnya.",
                   "The key id must be greater than the key id before it."});
    } else if (!decode_key(fields[1], key.bytes)) {
      problem(Text{"Kunci harus 32 bita dalam base64.", "The key must be 32 bytes in base64."});
    } else {
      keyring.keys_.push_back(key);
    }
  }
  if (keyring.keys_.empty() && problems.empty()) {
    problems.push_back(FieldError{source.empty() ? std::string("keys") : std::string(source),
                                  Text{"Tidak ada kunci: tulis satu kunci per baris, \"<nomor> <kunci base64>\".",
                                       "No keys: write one key per line, \"<id> <base64 key>\"."}});
  }
  if (!problems.empty()) return invalid_keys(std::move(problems));
  return keyring;
}

std::string Keyring::serialize() const {
  static constexpr std::string_view kHeader =
      "# Sigap data keys, one per line: <id> <base64 key>. The last key seals; every key opens.\n"
      "# Keep this file secret (mode 0600) and backed up: without it sealed personal data is lost.\n";
  constexpr std::size_t kEncoded = sodium_base64_ENCODED_LEN(kKeyBytes, sodium_base64_VARIANT_ORIGINAL);
  std::string text;
  // Reserved once, so no partial copy of a key is left behind by a reallocation.
  text.reserve(kHeader.size() + keys_.size() * (10 + 1 + kEncoded + 1));
  text += kHeader;
  std::array<char, kEncoded> encoded{};
  for (const auto& key : keys_) {
    sodium_bin2base64(encoded.data(), encoded.size(), key.bytes.data(), key.bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    text += std::to_string(key.id);
    text += ' ';
    text += encoded.data();
    text += '\n';
  }
  sodium_memzero(encoded.data(), encoded.size());
  return text;
}

Keyring Keyring::generate() {
  Keyring keyring;
  keyring.keys_.push_back(fresh_key(1));
  return keyring;
}

Keyring Keyring::rotated() const {
  assert(current_id() < kMaxKeyId);
  Keyring keyring;
  keyring.keys_.reserve(keys_.size() + 1);
  keyring.keys_ = keys_;
  keyring.keys_.push_back(fresh_key(current_id() + 1));
  return keyring;
}

std::vector<Keyring::KeyId> Keyring::ids() const {
  std::vector<KeyId> ids;
  ids.reserve(keys_.size());
  for (const auto& key : keys_) ids.push_back(key.id);
  return ids;
}

const Keyring::KeyBytes* Keyring::find(KeyId id) const {
  for (const auto& key : keys_) {
    if (key.id == id) return &key.bytes;
  }
  return nullptr;
}

// --- Loading and saving -------------------------------------------------------------------------

Result<Keyring> load_keyring(const fs::path& file, const char* env_value) {
  if (env_value != nullptr && !trim(env_value).empty()) return parse_environment(env_value);
  return read_keyring(file, true);
}

Result<void> save_keyring(const fs::path& file, const Keyring& keyring) {
  std::string text = keyring.serialize();
  auto temporary = write_temporary(file, text);
  wipe(text);
  if (!temporary) return temporary.error();
  if (std::rename(temporary->c_str(), file.c_str()) != 0) {
    auto error = cannot_write(file, "rename", std::strerror(errno));
    ::unlink(temporary->c_str());
    return error;
  }
  return sync_directory(file);
}

}  // namespace sigap::crypto
