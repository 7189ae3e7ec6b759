#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

// The keys that seal personal data at rest (see crypto/sealed.hpp and docs/personal-data.md):
// numbered 32-byte secretbox keys. The newest key seals; every key in the ring still opens what
// it sealed, so a rotation adds a key and `sigap keys rotate` re-seals old values at leisure.
//
// Text form, one key per line, ids strictly ascending:
//
//     # Sigap data keys
//     1 hV0ZfA7...=
//     2 Qm3sY1x...=
//
// Blank lines and lines whose first non-blank character is '#' are skipped. A key is 32 bytes in
// standard base64 (as `openssl rand -base64 32` prints it); URL-safe and unpadded base64 are also
// accepted. Ids are decimal, 1 to Keyring::kMaxKeyId.
//
// A Keyring is immutable once built, so a const one may be shared between threads. It is
// move-only (a moved-from ring may only be destroyed or assigned to), and each key is wiped from
// memory (sodium_memzero) when the ring is destroyed.
namespace sigap::crypto {

class Keyring {
 public:
  using KeyId = std::uint32_t;
  static constexpr std::size_t kKeyBytes = 32;  // crypto_secretbox_KEYBYTES
  static constexpr KeyId kMaxKeyId = 999'999'999;
  using KeyBytes = std::array<unsigned char, kKeyBytes>;

  Keyring(Keyring&&) noexcept = default;
  Keyring& operator=(Keyring&&) noexcept = default;
  Keyring(const Keyring&) = delete;
  Keyring& operator=(const Keyring&) = delete;
  ~Keyring() = default;

  /// Reads the text form. Every line that is not a comment, blank or a valid `<id> <key>` makes
  /// an ErrorCode::validation error with one FieldError per bad line, field "line N" (1-based),
  /// or "<source>:N" when `source` (a file name, say) is given; the message never repeats the
  /// line, which may hold a key. A text without keys is an error too (field "keys", or `source`).
  static Result<Keyring> parse(std::string_view text, std::string_view source = {});

  /// The text form, with a comment header; parse(serialize()) gives the same keys. The result
  /// holds the keys in clear: callers wipe it (sodium_memzero) when done.
  [[nodiscard]] std::string serialize() const;

  /// One fresh key from the OS CSPRNG, with id 1.
  static Keyring generate();

  /// This ring plus one fresh key with id current_id() + 1, which becomes the current key.
  /// Precondition (asserted): current_id() < kMaxKeyId.
  [[nodiscard]] Keyring rotated() const;

  /// The id of the newest key, the one that seals.
  [[nodiscard]] KeyId current_id() const { return keys_.back().id; }

  /// The ids in the ring, ascending.
  [[nodiscard]] std::vector<KeyId> ids() const;

  /// The key with `id`, or nullptr if the ring has none. The pointer lives as long as the ring;
  /// it is meant for the sealing functions, which must not copy the bytes.
  [[nodiscard]] const KeyBytes* find(KeyId id) const;

  /// The current key (never null).
  [[nodiscard]] const KeyBytes& current() const { return keys_.back().bytes; }

 private:
  struct Key {
    KeyId id = 0;
    KeyBytes bytes{};

    Key() = default;
    Key(const Key&) = default;
    Key& operator=(const Key&) = default;
    ~Key();
  };

  Keyring() = default;
  static Key fresh_key(KeyId id);

  std::vector<Key> keys_;  // ascending by id; never empty once built
};

/// The keyring Sigap uses, from (in this order):
///   1. `env_value`, the content of SIGAP_DATA_KEY, when it is non-null and not blank: either one
///      base64 key (taken as id 1) or the text form. The file is then not read nor created.
///   2. `file`, when it exists. It must be a regular file that neither group nor others can read,
///      write or execute; otherwise ErrorCode::validation naming the file and the command that
///      fixes it (`chmod 600 <file>`). A bad line gives ErrorCode::validation with a FieldError
///      "<file>:N" per bad line.
///   3. Otherwise a generated keyring is written to `file` (mode 0600; a missing parent directory
///      is created with mode 0700) and returned. The file is created exclusively: when two
///      processes start at once, both end up with the keyring that reached the disk first.
/// I/O failures give ErrorCode::unavailable with the reason in the log detail.
Result<Keyring> load_keyring(const std::filesystem::path& file, const char* env_value);

/// Replaces `file` with `keyring`'s text form atomically (a temporary file in the same directory,
/// fsync, rename, fsync of the directory), mode 0600. I/O failures give ErrorCode::unavailable.
Result<void> save_keyring(const std::filesystem::path& file, const Keyring& keyring);

}  // namespace sigap::crypto
